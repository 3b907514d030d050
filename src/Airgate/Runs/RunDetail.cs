using Airgate.Airflow;
using Airgate.Auth;
using Airgate.Core.Runs;
using Airgate.Problems;
using Airgate.Requests;
using Airgate.Runs.Mirror;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace Airgate.Runs;

/// <summary>One run and its task instances, read fresh from Airflow.</summary>
internal static class RunDetail
{
    internal static async Task<Results<Ok<RunResponse>, ProblemHttpResult>> GetRun(
        [FromRoute(Name = "dag_id")] string dagId,
        [FromRoute(Name = "dag_run_id")] string dagRunId,
        AirgateUser user,
        RunLookup lookup,
        IAirflowClient airflow,
        Core.Registry.IPipelineRegistry registry,
        IRunStore store,
        RunAccess access,
        TimeProvider time,
        IOptions<RunsOptions> options,
        CancellationToken cancellationToken)
    {
        if (CheckIds(dagId, dagRunId, null) is { } invalid)
        {
            return invalid;
        }

        // The run and its task instances are read at the same time: detail costs one Airflow round trip, not two.
        var budget = options.Value.InteractiveReadBudget;
        var (timedOut, found) = await ReadBudget.RunAsync(
            token => lookup.FindFreshAsync(user, dagId, dagRunId, t => airflow.ListAllTaskInstancesAsync(dagId, dagRunId, null, t), token),
            budget, time, cancellationToken);
        if (timedOut)
        {
            return await FromMirrorAsync(dagId, dagRunId, user, store, access, registry, budget, cancellationToken);
        }

        var (record, run, tasks, problem) = found;
        // Alongside is only meaningful with no problem: it is the task instances' own result (a struct, never null).
        if (problem is not null || run is null)
        {
            return problem ?? RunLookup.NotFound(dagId, dagRunId);
        }

        if (!tasks.IsSuccess)
        {
            return tasks.Failure.ToProblem($"Workflow '{dagId}' has no run '{dagRunId}'.");
        }

        return TypedResults.Ok(Pinning.SchemaPins.MarkChanged(RunResponse.From(run, record, RunSummary.From(tasks.Value.Select(t => t.State))), registry.Current));
    }

    internal static Task<Results<Ok<TaskInstanceList>, ProblemHttpResult>> ListTaskInstances(
        [FromRoute(Name = "dag_id")] string dagId,
        [FromRoute(Name = "dag_run_id")] string dagRunId,
        AirgateUser user,
        RunLookup lookup,
        IAirflowClient airflow,
        TimeProvider time,
        IOptions<RunsOptions> options,
        CancellationToken cancellationToken) =>
        TaskInstancesWithinBudgetAsync(dagId, dagRunId, null, user, lookup, airflow, time, options.Value.InteractiveReadBudget, cancellationToken);

    internal static Task<Results<Ok<TaskInstanceList>, ProblemHttpResult>> GetTaskInstances(
        [FromRoute(Name = "dag_id")] string dagId,
        [FromRoute(Name = "dag_run_id")] string dagRunId,
        [FromRoute(Name = "task_id")] string taskId,
        AirgateUser user,
        RunLookup lookup,
        IAirflowClient airflow,
        TimeProvider time,
        IOptions<RunsOptions> options,
        CancellationToken cancellationToken) =>
        TaskInstancesWithinBudgetAsync(dagId, dagRunId, taskId, user, lookup, airflow, time, options.Value.InteractiveReadBudget, cancellationToken);

    internal static ProblemHttpResult? CheckIds(string dagId, string dagRunId, string? taskId, IReadOnlyList<ParameterError>? queryErrors = null)
    {
        ParameterError?[] checks =
        [
            AirflowIds.CheckKey("dag_id", dagId),
            AirflowIds.CheckRunId("dag_run_id", dagRunId),
            taskId is null ? null : AirflowIds.CheckKey("task_id", taskId),
        ];
        List<ParameterError> errors = [.. checks.OfType<ParameterError>(), .. queryErrors ?? []];
        return errors.Count > 0 ? InvalidRequestProblems.InvalidParameters(errors) : null;
    }

    // Past the budget the store has nothing to answer with (it keeps no task instances): a 504 within the budget.
    private static async Task<Results<Ok<TaskInstanceList>, ProblemHttpResult>> TaskInstancesWithinBudgetAsync(
        string dagId, string dagRunId, string? taskId, AirgateUser user, RunLookup lookup, IAirflowClient airflow, TimeProvider time, TimeSpan budget, CancellationToken cancellationToken)
    {
        var (timedOut, answer) = await ReadBudget.RunAsync(
            token => TaskInstancesAsync(dagId, dagRunId, taskId, user, lookup, airflow, token), budget, time, cancellationToken);
        return timedOut || answer is null ? ReadBudget.Spent(budget).ToProblem(RunLookup.NotFoundDetail(dagId, dagRunId)) : answer;
    }

    // Airflow did not answer in time: the run as last mirrored, marked stale, rather than a minute of waiting.
    private static async Task<Results<Ok<RunResponse>, ProblemHttpResult>> FromMirrorAsync(
        string dagId, string dagRunId, AirgateUser user, IRunStore store, RunAccess access, Core.Registry.IPipelineRegistry registry, TimeSpan budget, CancellationToken cancellationToken)
    {
        var record = await store.GetAsync(dagId, dagRunId, cancellationToken);
        if (record is null || !access.CanSee(user, record.TriggeredBy?.Id) || record.RecordState != RunRecordState.Confirmed)
        {
            return ReadBudget.Spent(budget).ToProblem(RunLookup.NotFoundDetail(dagId, dagRunId));
        }

        var syncedAt = await store.GetSyncWatermarkAsync(RunSync.WatermarkKey, cancellationToken);
        var response = RunResponse.From(record) with { Stale = true, SyncedAt = syncedAt };
        return TypedResults.Ok(Pinning.SchemaPins.MarkChanged(response, registry.Current));
    }

    private static async Task<Results<Ok<TaskInstanceList>, ProblemHttpResult>> TaskInstancesAsync(
        string dagId, string dagRunId, string? taskId, AirgateUser user, RunLookup lookup, IAirflowClient airflow, CancellationToken cancellationToken)
    {
        if (CheckIds(dagId, dagRunId, taskId) is { } invalid)
        {
            return invalid;
        }

        var (_, _, problem) = await lookup.FindAsync(user, dagId, dagRunId, fresh: false, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        var tasks = await airflow.ListAllTaskInstancesAsync(dagId, dagRunId, taskId, cancellationToken);
        if (!tasks.IsSuccess)
        {
            return tasks.Failure.ToProblem($"Workflow '{dagId}' has no run '{dagRunId}'.");
        }

        if (taskId is not null && tasks.Value.Count == 0)
        {
            return Problem.NotFound($"Run '{dagRunId}' of workflow '{dagId}' has no task '{taskId}'.");
        }

        var instances = tasks.Value;
        return TypedResults.Ok(new TaskInstanceList(instances, instances.Count, RunSummary.From(instances.Select(t => t.State))));
    }
}
