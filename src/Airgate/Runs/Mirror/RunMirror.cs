using Airgate.Airflow;
using Airgate.Core.Runs;
using Airgate.Workflows;
using Microsoft.Extensions.Options;

namespace Airgate.Runs.Mirror;

/// <summary>
/// What a listing does before reading the store: on the leader, join the sync in flight (or start one) and wait for it
/// at most <see cref="RunsOptions.SyncTimeout"/>; on other replicas, nothing (the leader keeps the mirror). Either
/// way it then says how fresh the mirror is, so a slow or down Airflow never makes listings queue or fail.
/// </summary>
internal sealed class RunMirror(
    RunSync sync,
    WorkflowCatalog catalog,
    RunBackfill backfill,
    MirrorLeadership leadership,
    IRunStore store,
    TimeProvider time,
    IOptions<RunsOptions> options)
{
    public async Task<MirrorStatus> RefreshAsync(CancellationToken cancellationToken)
    {
        if (leadership.IsLeader)
        {
            try
            {
                await sync.SyncAsync(options.Value.MinSyncInterval).WaitAsync(options.Value.SyncTimeout, time, cancellationToken);
            }
            catch (TimeoutException)
            {
                // The sync goes on for the next listings; this one answers from the mirror and says how old it is.
            }
        }

        var syncedAt = await store.GetSyncWatermarkAsync(RunSync.WatermarkKey, cancellationToken);
        var progress = await backfill.GetProgressAsync(cancellationToken);
        return new MirrorStatus(syncedAt, progress is { Complete: false } ? progress : null);
    }

    /// <summary>
    /// Only asked when a workflow's listing is empty (the mirror cannot tell an unknown DAG from one with no runs); the
    /// catalog caches the answer, and an unreachable Airflow counts as known, so the listing still answers.
    /// </summary>
    public async Task<bool> IsUnknownWorkflowAsync(string dagId, CancellationToken cancellationToken)
    {
        var details = await catalog.GetDetailsAsync(dagId, cancellationToken);
        return !details.IsSuccess && details.Failure.Error == AirflowError.NotFound;
    }
}
