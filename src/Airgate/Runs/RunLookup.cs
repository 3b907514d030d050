using Airgate.Airflow;
using Airgate.Airflow.Models;
using Airgate.Auth;
using Airgate.Core.Runs;
using Airgate.Problems;
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
        if (!run.IsSuccess)
        {
            return (null, null, run.Failure.ToProblem(NotFoundDetail(dagId, dagRunId)));
        }

        await store.UpsertObservedAsync([ObservedRuns.From(run.Value, observedAt)], cancellationToken);
        record = await store.GetAsync(dagId, dagRunId, cancellationToken);
        return record is not null && !access.CanSee(user, record.TriggeredBy?.Id)
            ? (null, null, NotFound(dagId, dagRunId))
            : (record, run.Value, null);
    }

    public static ProblemHttpResult NotFound(string dagId, string dagRunId) => Problem.NotFound(NotFoundDetail(dagId, dagRunId));

    private static string NotFoundDetail(string dagId, string dagRunId) => $"Workflow '{dagId}' has no run '{dagRunId}'.";
}
