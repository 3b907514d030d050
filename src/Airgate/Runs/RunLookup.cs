using Airgate.Airflow;
using Airgate.Airflow.Models;
using Airgate.Auth;
using Airgate.Core.Runs;
using Airgate.Problems;
using Airgate.Runs.Mirror;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Airgate.Runs;

/// <summary>
/// Finds a run the caller may see. A run they may not see answers exactly like a missing one, so its existence does
/// not leak; runs Airgate has not mirrored yet are read from Airflow (and mirrored) to learn their owner.
/// </summary>
internal sealed class RunLookup(IAirflowClient airflow, IRunStore store, RunAccess access, TimeProvider time)
{
    // fresh: read the run from Airflow even when the store has it confirmed (detail views want current state).
    public async Task<(RunRecord? Record, AirflowDagRun? Run, ProblemHttpResult? Problem)> FindAsync(
        AirgateUser user, string dagId, string dagRunId, bool fresh, CancellationToken cancellationToken)
    {
        var record = await store.GetAsync(dagId, dagRunId, cancellationToken);
        if (record is not null && !access.CanSee(user, record.TriggeredBy?.Id))
        {
            return (null, null, NotFound(dagId, dagRunId));
        }

        if (!fresh && record is { RecordState: RunRecordState.Confirmed })
        {
            return (record, null, null);
        }

        var observedAt = time.GetUtcNow();
        var run = await airflow.GetDagRunAsync(dagId, dagRunId, cancellationToken);
        return await MirrorAsync(user, dagId, dagRunId, record, run, observedAt, cancellationToken);
    }

    /// <summary>
    /// The run fresh from Airflow, read at the same time as <paramref name="alongside"/> (another read of the same run, such
    /// as its task instances): the two calls overlap instead of queueing. The caller's visibility is checked on the store
    /// before Airflow is asked, when the store knows the run.
    /// </summary>
    public async Task<(RunRecord? Record, AirflowDagRun? Run, T? Alongside, ProblemHttpResult? Problem)> FindFreshAsync<T>(
        AirgateUser user, string dagId, string dagRunId, Func<CancellationToken, Task<T>> alongside, CancellationToken cancellationToken)
    {
        var record = await store.GetAsync(dagId, dagRunId, cancellationToken);
        if (record is not null && !access.CanSee(user, record.TriggeredBy?.Id))
        {
            return (null, null, default, NotFound(dagId, dagRunId));
        }

        var observedAt = time.GetUtcNow();
        var runCall = airflow.GetDagRunAsync(dagId, dagRunId, cancellationToken);
        var otherCall = alongside(cancellationToken);
        await Task.WhenAll(runCall, otherCall);
        var (found, run, problem) = await MirrorAsync(user, dagId, dagRunId, record, await runCall, observedAt, cancellationToken);
        return (found, run, problem is null ? await otherCall : default, problem);
    }

    // Writes the mirror only when Airflow's answer differs from it: a run viewed a thousand times is written when it changes.
    private async Task<(RunRecord? Record, AirflowDagRun? Run, ProblemHttpResult? Problem)> MirrorAsync(
        AirgateUser user, string dagId, string dagRunId, RunRecord? record, AirflowResult<AirflowDagRun> run, DateTimeOffset observedAt, CancellationToken cancellationToken)
    {
        if (!run.IsSuccess)
        {
            return (null, null, run.Failure.ToProblem(NotFoundDetail(dagId, dagRunId)));
        }

        if (record is not null && !ObservedRuns.Differs(record, run.Value))
        {
            return (record, run.Value, null);
        }

        await store.UpsertObservedAsync([ObservedRuns.From(run.Value, observedAt)], cancellationToken);
        // The owner never changes once recorded, so only a run new to the store (or just confirmed) is read back.
        if (record is null || record.RecordState != RunRecordState.Confirmed)
        {
            record = await store.GetAsync(dagId, dagRunId, cancellationToken);
        }

        return record is not null && !access.CanSee(user, record.TriggeredBy?.Id)
            ? (null, null, NotFound(dagId, dagRunId))
            : (record, run.Value, null);
    }

    public static ProblemHttpResult NotFound(string dagId, string dagRunId) => Problem.NotFound(NotFoundDetail(dagId, dagRunId));

    public static string NotFoundDetail(string dagId, string dagRunId) => $"Workflow '{dagId}' has no run '{dagRunId}'.";
}
