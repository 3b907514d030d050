using Airgate.Airflow;
using Airgate.Auth;
using Airgate.Core.Runs;
using Airgate.Problems;
using Airgate.Requests;
using Airgate.Runs.Mirror;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Airgate.Runs;

/// <summary><c>PATCH /workflows/{dag_id}/runs/{dag_run_id}</c>: stop or finish a run, for its owner or an admin.</summary>
internal static class RunStop
{
    internal static async Task<Results<Ok<RunResponse>, ProblemHttpResult>> StopRun(
        [FromRoute(Name = "dag_id")] string dagId,
        [FromRoute(Name = "dag_run_id")] string dagRunId,
        StopRunQuery query,
        HttpRequest request,
        AirgateUser user,
        RunAccess access,
        RunLookup lookup,
        IAirflowClient airflow,
        IRunStore store,
        TimeProvider time,
        CancellationToken cancellationToken)
    {
        if (RunDetail.CheckIds(dagId, dagRunId, null, query.Errors) is { } invalid)
        {
            return invalid;
        }

        var mask = query.UpdateMask;

        var (body, bodyProblem) = await JsonBodyReader.ReadAsync(request, cancellationToken, maxBytes: 64 * 1024);
        if (bodyProblem is not null)
        {
            return bodyProblem;
        }

        var (patch, errors) = StopRequest.Parse(body, mask);
        if (patch is null)
        {
            return Problem.BadRequest(string.Join(" ", errors));
        }

        var (record, _, problem) = await lookup.FindAsync(user, dagId, dagRunId, fresh: false, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        if (!access.CanStop(user, record?.TriggeredBy?.Id))
        {
            return Problem.Create(
                StatusCodes.Status403Forbidden, ProblemTypes.Forbidden, "Not your run",
                "Only the user who started this run, or an admin, may stop or finish it.");
        }

        var updated = await airflow.PatchDagRunAsync(dagId, dagRunId, patch, mask.Count > 0 ? mask : null, cancellationToken);
        if (!updated.IsSuccess)
        {
            return updated.Failure.ToProblem($"Workflow '{dagId}' has no run '{dagRunId}'.");
        }

        // Stamped with when Airflow answered: a sync page read before then (it may hold the state before the stop) must
        // not overwrite it. Unstamped, any later write would win, and listings and streams would show the run go back.
        await store.UpsertObservedAsync([ObservedRuns.From(updated.Value, time.GetUtcNow())], cancellationToken);
        return TypedResults.Ok(RunResponse.From(updated.Value, record));
    }
}
