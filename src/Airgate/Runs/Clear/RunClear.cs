using System.Text.Json;
using Airgate.Airflow;
using Airgate.Airflow.Models;
using Airgate.Auth;
using Airgate.Core.Runs;
using Airgate.Problems;
using Airgate.Requests;
using Airgate.Runs.Mirror;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Airgate.Runs.Clear;

/// <summary>
/// <c>POST /workflows/{dag_id}/runs/{dag_run_id}/clear</c>: Airflow's clear for a finished run, so its failed (or all)
/// task instances run again with the same parameters (the run's conf is untouched); for its owner or an admin.
/// </summary>
internal static class RunClear
{
    private static readonly string[] Unfinished = ["queued", "running"];

    internal static async Task<Results<Ok<ClearRunResponse>, ProblemHttpResult>> ClearRun(
        [FromRoute(Name = "dag_id")] string dagId,
        [FromRoute(Name = "dag_run_id")] string dagRunId,
        ClearRunQuery query,
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

        var (body, bodyProblem) = await JsonBodyReader.ReadAsync(request, cancellationToken, maxBytes: 4 * 1024);
        if (bodyProblem is not null)
        {
            return bodyProblem;
        }

        if (ReadOnlyFailed(body) is not { } onlyFailed)
        {
            return Problem.BadRequest("The body must be empty or {\"only_failed\": true|false}.");
        }

        var (record, run, problem) = await lookup.FindAsync(user, dagId, dagRunId, fresh: true, cancellationToken);
        if (problem is not null || run is null)
        {
            return problem ?? RunLookup.NotFound(dagId, dagRunId);
        }

        if (!access.CanStop(user, record?.TriggeredBy?.Id))
        {
            return Problem.Create(
                StatusCodes.Status403Forbidden, ProblemTypes.Forbidden, "Not your run",
                "Only the user who started this run, or an admin, may run its tasks again.");
        }

        if (Unfinished.Contains(run.State, StringComparer.Ordinal))
        {
            return Problem.Create(
                StatusCodes.Status409Conflict, ProblemTypes.RunNotFinished, "The run has not finished",
                $"Run '{dagRunId}' is {run.State}; its task instances can run again once it has finished (stop it first to clear it now).",
                new Dictionary<string, object?> { ["state"] = run.State });
        }

        var cleared = await airflow.ClearTaskInstancesAsync(
            dagId, new ClearTaskInstancesRequest { DagRunId = dagRunId, OnlyFailed = onlyFailed, DryRun = query.DryRun }, cancellationToken);
        if (!cleared.IsSuccess)
        {
            return cleared.Failure.ToProblem($"Workflow '{dagId}' has no run '{dagRunId}'.");
        }

        if (!query.DryRun && cleared.Value.Count > 0)
        {
            // The run is queued again: let listings know now rather than at the next sync.
            var observedAt = time.GetUtcNow();
            if (await airflow.GetDagRunAsync(dagId, dagRunId, cancellationToken) is { IsSuccess: true } fresh)
            {
                await store.UpsertObservedAsync([ObservedRuns.From(fresh.Value, observedAt)], cancellationToken);
            }
        }

        return TypedResults.Ok(new ClearRunResponse(cleared.Value, cleared.Value.Count));
    }

    // null: not a valid body. Strict: only 'only_failed', a boolean.
    private static bool? ReadOnlyFailed(JsonElement? body)
    {
        if (body is not { } json || json.ValueKind == JsonValueKind.Null)
        {
            return true;
        }

        if (json.ValueKind != JsonValueKind.Object || json.EnumerateObject().Any(p => p.Name != "only_failed"))
        {
            return null;
        }

        return json.TryGetProperty("only_failed", out var value)
            ? value.ValueKind switch { JsonValueKind.True => true, JsonValueKind.False => false, _ => null }
            : true;
    }
}
