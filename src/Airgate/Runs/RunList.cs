using Airgate.Runs.Mirror;
namespace Airgate.Runs;

/// <summary>A page of runs, with how fresh the mirror behind it is (<c>synced_at</c>, and the backfill while it runs).</summary>
internal sealed record RunList(IReadOnlyList<RunResponse> Runs, long TotalEntries, DateTimeOffset? SyncedAt = null, BackfillProgress? Backfill = null);
