using System.Text.Json;
using Airgate.Airflow;
using Airgate.Airflow.Models;
using Airgate.Core.Manifests;
using Airgate.Core.Profiles;
using Airgate.Core.Registry;
using Airgate.Pipelines;
using Microsoft.Extensions.Options;

namespace Airgate.Workflows;

/// <summary>
/// Joins Airflow's DAGs and tasks with the registry: which profiles each workflow and task runs. Airflow's answers come
/// from the <see cref="CatalogCache"/> (refreshed in the background), and each joined answer is reused until one of
/// its inputs changes, so a warm catalog read neither calls Airflow nor rebuilds its answer.
/// </summary>
internal sealed class WorkflowCatalog(CatalogCache cache, IPipelineRegistry registry, IOptions<CatalogOptions> options)
{
    private const int DetailsConcurrency = 8;
    private readonly ResponseMemo _memo = new();

    public async Task<AirflowResult<WorkflowList>> ListAsync(DagQuery query, CancellationToken cancellationToken)
    {
        var key = $"dags?limit={query.Limit}&offset={query.Offset}&paused={query.Paused}&pattern={query.DagIdPattern}&tags={string.Join('\u001f', query.Tags)}";
        var page = await cache.GetAsync(key, (airflow, ct) => airflow.ListDagsAsync(query, ct), cancellationToken);
        if (!page.IsSuccess)
        {
            return page.Failure;
        }

        var snapshot = registry.Current;
        // The answer also depends on the details of every manifest-less DAG on the page, read (from the cache) below.
        var details = new object?[page.Value.Items.Count];
        var workflows = new WorkflowResponse[page.Value.Items.Count];
        // Warm pages find every DAG's details in the cache: only misses go to Airflow, at most 8 at a time.
        var misses = new List<int>();
        for (var i = 0; i < workflows.Length; i++)
        {
            var dagId = page.Value.Items[i].DagId;
            if (snapshot.FindManifest(dagId) is not null)
            {
                continue;
            }

            if (cache.TryGet("details/" + dagId, out AirflowDagDetails? cached))
            {
                details[i] = cached;
            }
            else
            {
                misses.Add(i);
            }
        }

        AirflowFailure? failure = null;
        if (misses.Count > 0)
        {
            await Parallel.ForEachAsync(misses, new ParallelOptions
            {
                MaxDegreeOfParallelism = DetailsConcurrency,
                CancellationToken = cancellationToken,
            }, async (i, ct) =>
            {
                var result = await GetDetailsAsync(page.Value.Items[i].DagId, ct);
                if (result.IsSuccess)
                {
                    details[i] = result.Value;
                }
                else
                {
                    failure = result.Failure;
                }
            });
        }

        if (failure is not null)
        {
            return failure;
        }

        _memo.Trim(options.Value.MaxEntries);
        return _memo.GetOrBuild(key, [page.Value, snapshot, .. details.Select(d => d ?? snapshot)], () =>
        {
            for (var i = 0; i < workflows.Length; i++)
            {
                var dag = page.Value.Items[i];
                var source = details[i] is AirflowDagDetails dagDetails ? Describe(dagDetails, snapshot).Source : ParametersSource.Pipelines;
                workflows[i] = WorkflowResponse.From(dag, PipelinesOf(dag.DagId, snapshot), source);
            }

            return new WorkflowList(workflows, page.Value.TotalEntries);
        });
    }

    public async Task<AirflowResult<WorkflowResponse>> GetAsync(string dagId, CancellationToken cancellationToken)
    {
        var details = await GetDetailsAsync(dagId, cancellationToken);
        if (!details.IsSuccess)
        {
            return details.Failure;
        }

        var snapshot = registry.Current;
        return _memo.GetOrBuild("workflow/" + dagId, [details.Value, snapshot], () =>
        {
            var (source, schema) = Describe(details.Value, snapshot);
            return WorkflowResponse.From(details.Value, PipelinesOf(dagId, snapshot), source, schema);
        });
    }

    public async Task<AirflowResult<WorkflowTasksResponse>> GetTasksAsync(string dagId, CancellationToken cancellationToken)
    {
        var tasks = await TasksAsync(dagId, cancellationToken);
        if (!tasks.IsSuccess)
        {
            return tasks.Failure;
        }

        var snapshot = registry.Current;
        var manifest = snapshot.FindManifest(dagId);
        if (manifest is not null)
        {
            return _memo.GetOrBuild("tasks/" + dagId, [tasks.Value, snapshot], () => new WorkflowTasksResponse(
                [.. tasks.Value.Select(t => TaskResponse.From(t, TaskPipelines(manifest, t.TaskId, snapshot)))],
                tasks.Value.Count,
                [.. snapshot.PipelinesOf(manifest).Select(PipelineResponse.From)],
                ParametersSource.Pipelines,
                null));
        }

        var details = await GetDetailsAsync(dagId, cancellationToken);
        if (!details.IsSuccess)
        {
            return details.Failure;
        }

        return _memo.GetOrBuild("tasks/" + dagId, [tasks.Value, snapshot, details.Value], () =>
        {
            var (source, schema) = Describe(details.Value, snapshot);
            return new WorkflowTasksResponse([.. tasks.Value.Select(t => TaskResponse.From(t, []))], tasks.Value.Count, [], source, schema);
        });
    }

    public async Task<AirflowResult<TaskResponse>> GetTaskAsync(string dagId, string taskId, CancellationToken cancellationToken)
    {
        // Read from the DAG's cached task list, so one task costs no Airflow call either.
        var tasks = await TasksAsync(dagId, cancellationToken);
        if (!tasks.IsSuccess)
        {
            return tasks.Failure;
        }

        if (tasks.Value.FirstOrDefault(t => string.Equals(t.TaskId, taskId, StringComparison.Ordinal)) is not { } task)
        {
            return new AirflowFailure(AirflowError.NotFound, StatusCodes.Status404NotFound, $"The DAG '{dagId}' has no task '{taskId}'.");
        }

        var snapshot = registry.Current;
        return _memo.GetOrBuild($"task/{dagId}/{taskId}", [tasks.Value, snapshot], () =>
        {
            var manifest = snapshot.FindManifest(dagId);
            return TaskResponse.From(task, manifest is null ? [] : TaskPipelines(manifest, taskId, snapshot));
        });
    }

    /// <summary>The DAG's details (with Params), from the catalog cache; failures are never cached.</summary>
    public Task<AirflowResult<AirflowDagDetails>> GetDetailsAsync(string dagId, CancellationToken cancellationToken) =>
        cache.GetAsync("details/" + dagId, (airflow, ct) => airflow.GetDagDetailsAsync(dagId, ct), cancellationToken);

    private Task<AirflowResult<IReadOnlyList<AirflowTask>>> TasksAsync(string dagId, CancellationToken cancellationToken) =>
        cache.GetAsync("tasks/" + dagId, (airflow, ct) => airflow.ListTasksAsync(dagId, ct), cancellationToken);

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
