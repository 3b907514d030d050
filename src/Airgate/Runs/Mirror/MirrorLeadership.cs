using Airgate.Core.Runs;

namespace Airgate.Runs.Mirror;

/// <summary>
/// Whether this replica keeps the run mirror (sync, backfill, reconciler). Other replicas answer listings from the
/// mirror the leader keeps, so Airflow sees one replica's reads however many there are.
/// </summary>
internal sealed partial class MirrorLeadership(IMirrorLeaderLock leaderLock, ILogger<MirrorLeadership> logger)
{
    private volatile bool _isLeader;

    public bool IsLeader => _isLeader;

    /// <summary>Takes or keeps the lead; called by the mirror's worker at each tick, so a dead leader is replaced at the next one.</summary>
    public async Task<bool> RefreshAsync(CancellationToken cancellationToken)
    {
        var leads = await leaderLock.TryHoldAsync(cancellationToken);
        if (leads != _isLeader)
        {
            _isLeader = leads;
            LogLeadership(logger, leads);
        }

        return leads;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Run mirror leadership: {Leads}")]
    private static partial void LogLeadership(ILogger logger, bool leads);
}
