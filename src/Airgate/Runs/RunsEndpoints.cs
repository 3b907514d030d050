using Airgate.ApiDocs;
using Airgate.Auth;
using Airgate.Core.Parameters;
using Airgate.Core.Registry;
using Airgate.ETags;
using Airgate.Problems;
using Airgate.Requests;
using Airgate.Runs.Events;
using Airgate.Workflows;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using ParameterError = Airgate.Requests.ParameterError;

namespace Airgate.Runs;

/// <summary>Runs: validated triggers with no lost or doubled runs, exact listings, detail, stop, task instances.</summary>
internal static class RunsEndpoints
{
    public static IEndpointRouteBuilder MapRuns(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/workflows/{dag_id}/runs").WithTags("Runs");
        // Bodies are read by hand (size, depth, media type, duplicate members and every error at once answer problems),
        // so their shape is declared here for OpenAPI by types that only describe them.
        group.MapPost("/", TriggerRun).WithName("TriggerRun").Accepts<TriggerRunBody>("application/json")
            .ProducesProblems(400, 404, 408, 409, 413, 415, 422, 502, 503, 504)
            .WithSummary("Validate the parameters and start a run (dry_run=true: answer the conf only; Idempotency-Key for safe retries).");
        group.MapGet("/", RunListing.ListRuns).WithName("ListRuns").WithETag().ProducesProblems(ProblemResponses.AirflowRead)
            .WithSummary("Runs (dag_id '~' for all) with exact totals: limit, offset, state, user_name_pattern, mine, order_by.");
        group.MapGet("/{dag_run_id}", RunDetail.GetRun).WithName("GetRun").WithETag().ProducesProblems(ProblemResponses.AirflowRead)
            .WithSummary("One run, fresh from Airflow, with who started it, its pipelines and a task summary.");
        group.MapPatch("/{dag_run_id}", RunStop.StopRun).WithName("StopRun").Accepts<StopRunBody>(isOptional: true, "application/json")
            .ProducesProblems(400, 403, 404, 408, 409, 413, 415, 502, 503, 504)
            .WithSummary("Stop (state failed, the default) or finish (success) a run, with an optional note; owner or admin.");
        group.MapGet("/{dag_run_id}/tasks", RunDetail.ListTaskInstances).WithName("ListRunTaskInstances").WithETag()
            .ProducesProblems(ProblemResponses.AirflowRead)
            .WithSummary("Every task instance of the run (mapped ones included) and their summary.");
        group.MapGet("/{dag_run_id}/tasks/{task_id}", RunDetail.GetTaskInstances).WithName("GetRunTaskInstances").WithETag()
            .ProducesProblems(ProblemResponses.AirflowRead)
            .WithSummary("Every instance (all map indexes) of one task of the run, and their summary.");
        Logs.TaskLogDocs.WithTaskLogDocs(group.MapGet("/{dag_run_id}/tasks/{task_id}/logs", Logs.RunLogs.GetTaskLog).WithName("GetTaskLog"))
            .ProducesProblems(ProblemResponses.AirflowRead).ProducesProblems(429)
            .WithSummary("One try of a task instance's log: JSON chunks with a continuation_token, text with Accept: text/plain (streamed), or follow=true for Server-Sent Events until it finishes.");
        group.MapPost("/{dag_run_id}/rerun", Rerun.RunRerun.RerunRun).WithName("RerunRun").Accepts<Rerun.RerunRunBody>(isOptional: true, "application/json")
            .ProducesProblems(400, 404, 408, 409, 413, 415, 422, 502, 503, 504)
            .WithSummary("Start the run again with its parameters corrected by JSON merge patches, validated against the profiles as they are now (dry_run, Idempotency-Key as for a trigger).");
        group.MapPost("/{dag_run_id}/clear", Clear.RunClear.ClearRun).WithName("ClearRun").Accepts<Clear.ClearRunBody>(isOptional: true, "application/json")
            .ProducesProblems(400, 403, 404, 408, 409, 413, 415, 502, 503, 504)
            .WithSummary("Run the failed (or, with only_failed=false, all) task instances of a finished run again with the same parameters; owner or admin; dry_run lists them only.");
        group.MapRunEvents();
        return routes;
    }

    internal static async Task<Results<Created<RunResponse>, Ok<RunResponse>, Ok<DryRunResponse>, ProblemHttpResult>> TriggerRun(
        [FromRoute(Name = "dag_id")] string dagId,
        TriggerRunQuery query,
        HttpRequest request,
        HttpResponse response,
        AirgateUser user,
        WorkflowCatalog catalog,
        IPipelineRegistry registry,
        RunTrigger trigger,
        IOptions<ConfOptions> confOptions,
        CancellationToken cancellationToken)
    {
        var (dryRun, idempotencyKey) = (query.DryRun, query.IdempotencyKey);
        List<ParameterError> errors = [];
        if (AirflowIds.CheckKey("dag_id", dagId) is { } idError)
        {
            errors.Add(idError);
        }

        errors.AddRange(query.Errors);

        if (errors.Count > 0)
        {
            return InvalidRequestProblems.InvalidParameters(errors);
        }

        var (body, bodyProblem) = await JsonBodyReader.ReadAsync(request, cancellationToken);
        if (bodyProblem is not null)
        {
            return bodyProblem;
        }

        if (body is not { ValueKind: System.Text.Json.JsonValueKind.Object } json)
        {
            return Problem.BadRequest("The body must be a JSON object, e.g. {\"pipelines\": {\"<profile id>\": {...}}}.");
        }

        // The workflow must exist before anything is recorded; its details also carry the Params of manifest-less DAGs.
        var details = await catalog.GetDetailsAsync(dagId, cancellationToken);
        if (!details.IsSuccess)
        {
            return details.Failure.ToProblem($"No workflow (Airflow DAG) has the id '{dagId}'.");
        }

        var snapshot = registry.Current;
        var manifest = snapshot.FindManifest(dagId);
        var dagParams = manifest is null && details.Value.Params.Count > 0 ? DagParamsSchemaSource.For(details.Value) : null;
        var prepared = TriggerPreparation.Prepare(
            dagId, json, snapshot, manifest, dagParams, new TriggeringUser(user.Id, user.Name), confOptions.Value);
        if (prepared.Undetermined)
        {
            return ValidationTimeoutProblems.CouldNotBeChecked(prepared.Errors);
        }

        if (!prepared.IsValid || prepared.Conf is null)
        {
            return InvalidTrigger(prepared.Errors);
        }

        if (dryRun)
        {
            var started = StartedWith.From(prepared, confOptions.Value);
            return TypedResults.Ok(new DryRunResponse(prepared.Conf, started.Pipelines, started.Params));
        }

        var outcome = await trigger.TriggerAsync(dagId, prepared, user, idempotencyKey, cancellationToken);
        if (outcome.Problem is not null || outcome.Run is null)
        {
            return outcome.Problem ?? Problem.Create(
                StatusCodes.Status502BadGateway, ProblemTypes.AirflowBadGateway, "No run", "Airflow gave no run.");
        }

        var location = RunLocation(outcome.Run.DagId, outcome.Run.DagRunId);
        if (outcome.Replayed)
        {
            // A repeated Idempotency-Key: the same run, 200 rather than 201 because nothing was created by this request.
            response.Headers.Location = location;
            response.Headers["Idempotent-Replayed"] = "true";
            return TypedResults.Ok(outcome.Run);
        }

        return TypedResults.Created(location, outcome.Run);
    }

    internal static string RunLocation(string dagId, string dagRunId) =>
        $"/api/v1/workflows/{Uri.EscapeDataString(dagId)}/runs/{Uri.EscapeDataString(dagRunId)}";

    internal static ProblemHttpResult InvalidTrigger(IReadOnlyList<Core.Parameters.ParameterError> errors) => Problem.Create(
        StatusCodes.Status400BadRequest,
        ProblemTypes.InvalidParameters,
        "The run's parameters are not valid",
        errors.Count == 1 ? errors[0].Message : $"{errors.Count} problems were found; see 'errors'.",
        new Dictionary<string, object?>
        {
            // The records themselves: {pipeline, pointer, keyword, message} plus 'pattern' for pattern failures.
            ["errors"] = errors,
        });
}
