using Airgate.Airflow.Models;
using Airgate.ApiDocs;
using Airgate.ETags;
using Airgate.Problems;
using Airgate.Requests;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Airgate.Workflows;

/// <summary>The catalog: workflows (Airflow DAGs) with their profiles, and their tasks with resolved schemas.</summary>
internal static class WorkflowsEndpoints
{
    public static IEndpointRouteBuilder MapWorkflows(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/workflows").WithTags("Workflows").WithETag().ProducesProblems(ProblemResponses.AirflowRead);
        group.MapGet("/", ListWorkflows).WithName("ListWorkflows")
            .WithSummary("Airflow DAGs with their pipelines (limit, offset, paused, tags, dag_id_pattern).");
        group.MapGet("/{dag_id}", GetWorkflow).WithName("GetWorkflow").WithSummary("One workflow.");
        group.MapGet("/{dag_id}/tasks", ListTasks).WithName("ListWorkflowTasks")
            .WithSummary("The workflow's tasks and its profiles fully resolved.");
        group.MapGet("/{dag_id}/tasks/{task_id}", GetTask).WithName("GetWorkflowTask").WithSummary("One task and its profiles.");
        return routes;
    }

    internal static async Task<Results<Ok<WorkflowList>, ProblemHttpResult>> ListWorkflows(
        ListWorkflowsQuery query, WorkflowCatalog catalog, CancellationToken cancellationToken)
    {
        if (query.Errors.Count > 0)
        {
            return InvalidRequestProblems.InvalidParameters(query.Errors);
        }

        var dagQuery = new DagQuery
        {
            Limit = query.Limit,
            Offset = query.Offset,
            Paused = query.Paused,
            Tags = query.Tags,
            DagIdPattern = query.DagIdPattern,
        };

        var result = await catalog.ListAsync(dagQuery, cancellationToken);
        return result.IsSuccess ? TypedResults.Ok(result.Value) : result.Failure.ToProblem("No workflows were found.");
    }

    internal static async Task<Results<Ok<WorkflowResponse>, ProblemHttpResult>> GetWorkflow(
        [FromRoute(Name = "dag_id")] string dagId, WorkflowCatalog catalog, CancellationToken cancellationToken)
    {
        if (AirflowIds.CheckKey("dag_id", dagId) is { } error)
        {
            return InvalidRequestProblems.InvalidParameters([error]);
        }

        var result = await catalog.GetAsync(dagId, cancellationToken);
        return result.IsSuccess ? TypedResults.Ok(result.Value) : result.Failure.ToProblem(UnknownWorkflow(dagId));
    }

    internal static async Task<Results<Ok<WorkflowTasksResponse>, ProblemHttpResult>> ListTasks(
        [FromRoute(Name = "dag_id")] string dagId, WorkflowCatalog catalog, CancellationToken cancellationToken)
    {
        if (AirflowIds.CheckKey("dag_id", dagId) is { } error)
        {
            return InvalidRequestProblems.InvalidParameters([error]);
        }

        var result = await catalog.GetTasksAsync(dagId, cancellationToken);
        return result.IsSuccess ? TypedResults.Ok(result.Value) : result.Failure.ToProblem(UnknownWorkflow(dagId));
    }

    internal static async Task<Results<Ok<TaskResponse>, ProblemHttpResult>> GetTask(
        [FromRoute(Name = "dag_id")] string dagId,
        [FromRoute(Name = "task_id")] string taskId,
        WorkflowCatalog catalog,
        CancellationToken cancellationToken)
    {
        ParameterError?[] checks = [AirflowIds.CheckKey("dag_id", dagId), AirflowIds.CheckKey("task_id", taskId)];
        if (checks.OfType<ParameterError>().ToList() is { Count: > 0 } errors)
        {
            return InvalidRequestProblems.InvalidParameters(errors);
        }

        var result = await catalog.GetTaskAsync(dagId, taskId, cancellationToken);
        return result.IsSuccess
            ? TypedResults.Ok(result.Value)
            : result.Failure.ToProblem($"The workflow '{dagId}' has no task '{taskId}', or the workflow does not exist.");
    }

    private static string UnknownWorkflow(string dagId) => $"No workflow (Airflow DAG) has the id '{dagId}'.";
}
