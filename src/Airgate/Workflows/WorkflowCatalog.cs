using System.Text.Json;
using Airgate.Airflow;
using Airgate.Airflow.Models;
using Airgate.Core.Manifests;
using Airgate.Core.Profiles;
using Airgate.Core.Registry;
using Airgate.Pipelines;
using Microsoft.Extensions.Caching.Memory;

namespace Airgate.Workflows;

/// <summary>Joins Airflow's DAGs and tasks with the registry: which profiles each workflow and task runs.</summary>
internal sealed class WorkflowCatalog(IAirflowClient airflow, IPipelineRegistry registry, IMemoryCache cache)
{
    // A list page needs each manifest-less DAG's Params to say whether it has any; they change only when the DAG
    // file does, so a short cache spares Airflow one call per DAG per page view.
    private static readonly TimeSpan DetailsLifetime = TimeSpan.FromSeconds(30);
    private const int DetailsConcurrency = 8;

    public async Task<AirflowResult<WorkflowList>> ListAsync(DagQuery query, CancellationToken cancellationToken)
    {
        var page = await airflow.ListDagsAsync(query, cancellationToken);
        if (!page.IsSuccess)
        {
            return page.Failure;
        }

        var snapshot = registry.Current;
        var workflows = new WorkflowResponse[page.Value.Items.Count];
        AirflowFailure? failure = null;
        await Parallel.ForAsync(0, workflows.Length, new ParallelOptions
        {
            MaxDegreeOfParallelism = DetailsConcurrency,
            CancellationToken = cancellationToken,
        }, async (i, ct) =>
        {
            var dag = page.Value.Items[i];
            var source = await ParametersSourceOfAsync(dag.DagId, snapshot, ct);
            if (!source.IsSuccess)
            {
                failure = source.Failure;
                return;
            }

            workflows[i] = WorkflowResponse.From(dag, PipelinesOf(dag.DagId, snapshot), source.Value);
        });

        return failure is null ? new WorkflowList(workflows, page.Value.TotalEntries) : failure;
    }

    public async Task<AirflowResult<WorkflowResponse>> GetAsync(string dagId, CancellationToken cancellationToken)
    {
        var details = await GetDetailsAsync(dagId, cancellationToken);
        if (!details.IsSuccess)
        {
            return details.Failure;
        }

        var snapshot = registry.Current;
        var (source, schema) = Describe(details.Value, snapshot);
        return WorkflowResponse.From(details.Value, PipelinesOf(dagId, snapshot), source, schema);
    }

    public async Task<AirflowResult<WorkflowTasksResponse>> GetTasksAsync(string dagId, CancellationToken cancellationToken)
    {
        var tasks = await airflow.ListTasksAsync(dagId, cancellationToken);
        if (!tasks.IsSuccess)
        {
            return tasks.Failure;
        }

        var snapshot = registry.Current;
        var manifest = snapshot.FindManifest(dagId);
        if (manifest is not null)
        {
            return new WorkflowTasksResponse(
                [.. tasks.Value.Select(t => TaskResponse.From(t, TaskPipelines(manifest, t.TaskId, snapshot)))],
                tasks.Value.Count,
                [.. snapshot.PipelinesOf(manifest).Select(PipelineResponse.From)],
                ParametersSource.Pipelines,
                null);
        }

        var details = await GetDetailsAsync(dagId, cancellationToken);
        if (!details.IsSuccess)
        {
            return details.Failure;
        }

        var (source, schema) = Describe(details.Value, snapshot);
        return new WorkflowTasksResponse([.. tasks.Value.Select(t => TaskResponse.From(t, []))], tasks.Value.Count, [], source, schema);
    }

    public async Task<AirflowResult<TaskResponse>> GetTaskAsync(string dagId, string taskId, CancellationToken cancellationToken)
    {
        var task = await airflow.GetTaskAsync(dagId, taskId, cancellationToken);
        if (!task.IsSuccess)
        {
            return task.Failure;
        }

        var snapshot = registry.Current;
        var manifest = snapshot.FindManifest(dagId);
        return TaskResponse.From(task.Value, manifest is null ? [] : TaskPipelines(manifest, taskId, snapshot));
    }

    /// <summary>The DAG's details (with Params), cached briefly; failures are never cached.</summary>
    public async Task<AirflowResult<AirflowDagDetails>> GetDetailsAsync(string dagId, CancellationToken cancellationToken)
    {
        var key = (nameof(AirflowDagDetails), dagId);
        if (cache.TryGetValue(key, out AirflowDagDetails? cached) && cached is not null)
        {
            return cached;
        }

        var details = await airflow.GetDagDetailsAsync(dagId, cancellationToken);
        if (details.IsSuccess)
        {
            cache.Set(key, details.Value, DetailsLifetime);
        }

        return details;
    }

    private async Task<AirflowResult<string>> ParametersSourceOfAsync(string dagId, RegistrySnapshot snapshot, CancellationToken cancellationToken)
    {
        if (snapshot.FindManifest(dagId) is not null)
        {
            return ParametersSource.Pipelines;
        }

        var details = await GetDetailsAsync(dagId, cancellationToken);
        return details.IsSuccess ? Describe(details.Value, snapshot).Source : details.Failure;
    }

    private static (string Source, JsonElement? Schema) Describe(AirflowDagDetails details, RegistrySnapshot snapshot)
    {
        if (snapshot.FindManifest(details.DagId) is not null)
        {
            return (ParametersSource.Pipelines, null);
        }

        return details.Params.Count > 0
            ? (ParametersSource.DagParams, DagParamsSchemaSource.For(details).Schema)
            : (ParametersSource.None, null);
    }

    private static IReadOnlyList<PipelineRef> PipelinesOf(string dagId, RegistrySnapshot snapshot) =>
        snapshot.FindManifest(dagId) is { } manifest ? [.. snapshot.PipelinesOf(manifest).Select(PipelineRef.From)] : [];

    private static IReadOnlyList<PipelineRef> TaskPipelines(WorkflowManifest manifest, string taskId, RegistrySnapshot snapshot) =>
        manifest.Tasks.TryGetValue(taskId, out var ids)
            ? [.. ids.Select(snapshot.FindProfile).OfType<ResolvedProfile>().Select(PipelineRef.From)]
            : [];
}
