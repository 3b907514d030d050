using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Airgate.Auth;
using Airgate.Core.Parameters;
using Airgate.Core.Registry;
using Airgate.Core.Runs;
using Airgate.Problems;
using Airgate.Requests;
using Airgate.Workflows;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace Airgate.Runs.Rerun;

/// <summary>
/// <c>POST /workflows/{dag_id}/runs/{dag_run_id}/rerun</c>: a new run with the old run's parameters corrected by merge
/// patches, validated and started exactly as a trigger is (same validation, idempotency and no-lost-run machinery).
/// </summary>
internal static class RunRerun
{
    internal static async Task<Results<Created<RerunResponse>, Ok<RerunResponse>, Ok<RerunDryRunResponse>, ProblemHttpResult>> RerunRun(
        [FromRoute(Name = "dag_id")] string dagId,
        [FromRoute(Name = "dag_run_id")] string dagRunId,
        TriggerRunQuery query,
        HttpRequest request,
        HttpResponse response,
        AirgateUser user,
        RunLookup lookup,
        WorkflowCatalog catalog,
        IPipelineRegistry registry,
        RunTrigger trigger,
        IOptions<ConfOptions> confOptions,
        CancellationToken cancellationToken)
    {
        if (RunDetail.CheckIds(dagId, dagRunId, null, query.Errors) is { } invalid)
        {
            return invalid;
        }

        var (body, bodyProblem) = await JsonBodyReader.ReadAsync(request, cancellationToken);
        if (bodyProblem is not null)
        {
            return bodyProblem;
        }

        var (rerun, requestErrors) = RerunRequest.Parse(body);
        if (rerun is null)
        {
            return RunsEndpoints.InvalidTrigger(requestErrors);
        }

        var (record, _, problem) = await lookup.FindAsync(user, dagId, dagRunId, fresh: false, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        if (Unavailable(record, dagId, dagRunId) is { } unavailable)
        {
            return unavailable;
        }

        var details = await catalog.GetDetailsAsync(dagId, cancellationToken);
        if (!details.IsSuccess)
        {
            return details.Failure.ToProblem($"No workflow (Airflow DAG) has the id '{dagId}'.");
        }

        var snapshot = registry.Current;
        var manifest = snapshot.FindManifest(dagId);
        var old = StartedWith.Parse(record!.Pipelines);
        var plan = RerunPlan.Build(old, rerun, snapshot, manifest);
        if (plan.TriggerBody is null)
        {
            return RunsEndpoints.InvalidTrigger(plan.Errors);
        }

        var dagParams = manifest is null && details.Value.Params.Count > 0 ? DagParamsSchemaSource.For(details.Value) : null;
        var prepared = TriggerPreparation.Prepare(
            dagId, JsonSerializer.SerializeToElement(plan.TriggerBody), snapshot, manifest, dagParams,
            new TriggeringUser(user.Id, user.Name), confOptions.Value);
        if (prepared.Undetermined)
        {
            return ValidationTimeoutProblems.CouldNotBeChecked(prepared.Errors);
        }

        if (!prepared.IsValid || prepared.Conf is null)
        {
            return RunsEndpoints.InvalidTrigger(prepared.Errors);
        }

        var started = StartedWith.From(prepared, confOptions.Value);
        var changes = ParameterChanges.Between(old, started, plan.Touched);
        if (query.DryRun)
        {
            return TypedResults.Ok(new RerunDryRunResponse(prepared.Conf, started.Pipelines, started.Params, changes));
        }

        // A rerun's key must not replay a trigger (or a rerun of another run) that happened to carry the same parameters.
        var outcome = await trigger.TriggerAsync(
            dagId, prepared with { Fingerprint = Fingerprint(dagRunId, prepared.Fingerprint) }, user, query.IdempotencyKey, cancellationToken, rerunOf: dagRunId);
        if (outcome.Problem is not null || outcome.Run is null)
        {
            return outcome.Problem ?? Problem.Create(
                StatusCodes.Status502BadGateway, ProblemTypes.AirflowBadGateway, "No run", "Airflow gave no run.");
        }

        var location = RunsEndpoints.RunLocation(outcome.Run.DagId, outcome.Run.DagRunId);
        if (outcome.Replayed)
        {
            response.Headers.Location = location;
            response.Headers["Idempotent-Replayed"] = "true";
            return TypedResults.Ok(new RerunResponse(outcome.Run, changes));
        }

        return TypedResults.Created(location, new RerunResponse(outcome.Run, changes));
    }

    private static ProblemHttpResult? Unavailable(RunRecord? record, string dagId, string dagRunId)
    {
        var why = record switch
        {
            null or { Source: RunSource.External } =>
                $"Run '{dagRunId}' of workflow '{dagId}' was not started through Airgate, so Airgate has no record of its parameters to start it again with. Trigger a new run instead.",
            { Pipelines: null } =>
                $"Airgate has no record of the parameters run '{dagRunId}' of workflow '{dagId}' was started with. Trigger a new run instead.",
            _ => null,
        };
        return why is null ? null : Problem.Create(
            StatusCodes.Status409Conflict, ProblemTypes.RerunUnavailable, "This run cannot be rerun", why,
            new Dictionary<string, object?> { ["dag_id"] = dagId, ["dag_run_id"] = dagRunId });
    }

    private static string Fingerprint(string rerunOf, string? request) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"rerun\n{rerunOf}\n{request}")));
}
