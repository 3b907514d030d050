namespace Airgate.Runs.Mirror;

/// <summary>How fresh a listing is: the start of the last complete sync, and the backfill while it is not done.</summary>
internal sealed record MirrorStatus(DateTimeOffset? SyncedAt, BackfillProgress? Backfill);
