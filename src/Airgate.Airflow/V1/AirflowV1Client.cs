using System.Globalization;
using Airgate.Airflow.Http;
using Airgate.Airflow.Models;
using Airgate.Airflow.V1.Wire;
using Microsoft.Extensions.Logging;

namespace Airgate.Airflow.V1;

/// <summary>
/// <see cref="IAirflowClient"/> over Airflow 2.x's <c>/api/v1</c> (spec <c>airflow-2.10.0-v1.yaml</c>): the same ids
/// checks, encoding, retries and failure values as the <c>/api/v2</c> client (one <see cref="AirflowSender"/>), with
/// Airflow 2's paths, filters and shapes mapped to Airflow 3's models by <see cref="V1Mapping"/>. Each method is one
/// request builder and one mapping, so adding a method is adding those two.
/// </summary>
internal sealed class AirflowV1Client : IAirflowClient
{
    private const int PageSize = 100;

    /// <summary>The run fields 2.10's <c>get_dag_runs</c> sorts by, with Airflow 3's names for the ones it renamed.</summary>
    private static readonly Dictionary<string, string> RunOrder = new(StringComparer.Ordinal)
    {
        ["id"] = "id",
        ["state"] = "state",
        ["dag_id"] = "dag_id",
        ["dag_run_id"] = "dag_run_id",
        ["run_id"] = "dag_run_id",
        ["logical_date"] = "execution_date",
        ["execution_date"] = "execution_date",

        // Airflow 2's runs start at their logical date (see V1Mapping.RunAfter), so that order is the nearest.
        ["run_after"] = "execution_date",
        ["start_date"] = "start_date",
        ["end_date"] = "end_date",
        ["updated_at"] = "updated_at",
        ["conf"] = "conf",
    };

    private readonly AirflowSender _sender;

    public AirflowV1Client(AirflowSender sender) => _sender = sender;

    public Task<AirflowResult<AirflowVersion>> GetVersionAsync(CancellationToken cancellationToken = default) =>
        _sender.SendAsync<AirflowVersion>(HttpMethod.Get, AirflowRequestPath.ApiV1().Literal("version"), body: null, anonymous: false, cancellationToken);

    public Task<AirflowResult<AirflowHealth>> GetHealthAsync(CancellationToken cancellationToken = default) =>
        _sender.SendAsync<AirflowHealth>(HttpMethod.Get, AirflowRequestPath.ApiV1().Literal("health"), body: null, anonymous: false, cancellationToken);

    public async Task<AirflowResult<AirflowPage<AirflowDag>>> ListDagsAsync(DagQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var path = AirflowRequestPath.ApiV1().Literal("dags");
        if ((AirflowClient.CheckPaging(query.Limit, query.Offset) ?? AirflowClient.CheckText("tags", query.Tags) ?? AirflowClient.CheckText("dag_id_pattern", query.DagIdPattern)) is { } problem)
        {
            return _sender.Reject<AirflowPage<AirflowDag>>(HttpMethod.Get, path, problem);
        }

        path.Query("limit", query.Limit).Query("offset", query.Offset).Query("tags", query.Tags)
            .Query("dag_id_pattern", query.DagIdPattern).Query("paused", query.Paused);
        var result = await _sender.SendAsync<V1Collection>(HttpMethod.Get, path, body: null, anonymous: false, cancellationToken);
        return result.IsSuccess && result.Value.Dags is { } dags
            ? new AirflowPage<AirflowDag>([.. dags.Select(V1Mapping.Dag)], result.Value.TotalEntries ?? dags.Count)
            : Unexpected<AirflowPage<AirflowDag>>(result, path, "DAGCollection");
    }

    public Task<AirflowResult<IReadOnlyList<AirflowDag>>> ListAllDagsAsync(DagQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var pageSize = query.Limit > 0 ? query.Limit : PageSize;
        return AirflowPager.ReadAllAsync(
            query.Offset,
            (offset, token) => ListDagsAsync(query with { Limit = pageSize, Offset = offset }, token),
            dag => dag.DagId,
            cancellationToken);
    }

    public async Task<AirflowResult<AirflowDag>> GetDagAsync(string dagId, CancellationToken cancellationToken = default)
    {
        var result = await _sender.GetByIdsAsync<V1Dag>(AirflowRequestPath.ApiV1(), cancellationToken, ("dags", "dag_id", dagId));
        return result.IsSuccess ? V1Mapping.Dag(result.Value) : result.Failure;
    }

    public async Task<AirflowResult<AirflowDagDetails>> GetDagDetailsAsync(string dagId, CancellationToken cancellationToken = default)
    {
        var result = await _sender.GetByIdsAsync<V1Dag>(AirflowRequestPath.ApiV1(), cancellationToken, ("dags", "dag_id", dagId), ("details", null, null));
        return result.IsSuccess ? V1Mapping.Details(result.Value) : result.Failure;
    }

    public async Task<AirflowResult<IReadOnlyList<AirflowTask>>> ListTasksAsync(string dagId, CancellationToken cancellationToken = default)
    {
        var result = await _sender.GetByIdsAsync<V1Collection>(AirflowRequestPath.ApiV1(), cancellationToken, ("dags", "dag_id", dagId), ("tasks", null, null));
        if (result.IsSuccess && result.Value.Tasks is { } tasks)
        {
            return tasks.Select(V1Mapping.Task).ToList();
        }

        return result.IsSuccess ? new AirflowFailure(AirflowError.InvalidResponse, 200, "Airflow's answer to GET /api/v1/dags/{dag_id}/tasks is not a valid TaskCollection.") : result.Failure;
    }

    public async Task<AirflowResult<AirflowTask>> GetTaskAsync(string dagId, string taskId, CancellationToken cancellationToken = default)
    {
        var result = await _sender.GetByIdsAsync<V1Task>(AirflowRequestPath.ApiV1(), cancellationToken, ("dags", "dag_id", dagId), ("tasks", "task_id", taskId));
        return result.IsSuccess ? V1Mapping.Task(result.Value) : result.Failure;
    }

    public async Task<AirflowResult<AirflowDagRun>> TriggerDagRunAsync(string dagId, TriggerDagRunRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var problem = AirflowRequestPath.CheckId("dag_id", dagId);
        if (problem is null && request.DagRunId is not null && !AirflowClient.RunIdPattern().IsMatch(request.DagRunId))
        {
            problem = "dag_run_id may contain only letters, digits and _ . ~ : + -.";
        }

        var path = AirflowRequestPath.ApiV1().Literal("dags");
        if (problem is not null)
        {
            return _sender.Reject<AirflowDagRun>(HttpMethod.Post, path, problem);
        }

        path.Id(dagId).Literal("dagRuns");
        var body = new V1TriggerBody { DagRunId = request.DagRunId, LogicalDate = request.LogicalDate, Conf = request.Conf, Note = request.Note };
        var result = await _sender.SendAsync<V1DagRun>(HttpMethod.Post, path, body, anonymous: false, cancellationToken);
        return result.IsSuccess ? V1Mapping.Run(result.Value) : result.Failure;
    }

    public async Task<AirflowResult<AirflowPage<AirflowDagRun>>> ListDagRunsAsync(string dagId, DagRunQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var path = AirflowRequestPath.ApiV1().Literal("dags");
        var problem = AirflowRequestPath.CheckId("dag_id", dagId) ?? AirflowClient.CheckPaging(query.Limit, query.Offset) ?? AirflowClient.CheckText("state", query.States);
        string? orderBy = null;
        if (problem is null && query.OrderBy is { } order)
        {
            var descending = order.StartsWith('-');
            orderBy = RunOrder.TryGetValue(descending ? order[1..] : order, out var field) ? (descending ? "-" : string.Empty) + field : null;
            problem = orderBy is null ? $"order_by '{order}' is not available on Airflow 2's API; use one of: {string.Join(", ", RunOrder.Keys)}." : null;
        }

        if (problem is not null)
        {
            return _sender.Reject<AirflowPage<AirflowDagRun>>(HttpMethod.Get, path, problem);
        }

        // updated_at_gte exists from Airflow 2.6 (the 2.10 spec has it), so the mirror's incremental sync reads the same
        // changes over /api/v1 as over /api/v2.
        path.Id(dagId).Literal("dagRuns")
            .Query("limit", query.Limit).Query("offset", query.Offset).Query("state", query.States).Query("order_by", orderBy)
            .Query("updated_at_gte", query.UpdatedAtGte?.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture));
        var result = await _sender.SendAsync<V1Collection>(HttpMethod.Get, path, body: null, anonymous: false, cancellationToken);
        return result.IsSuccess && result.Value.DagRuns is { } runs
            ? new AirflowPage<AirflowDagRun>([.. runs.Select(V1Mapping.Run)], result.Value.TotalEntries ?? runs.Count)
            : Unexpected<AirflowPage<AirflowDagRun>>(result, path, "DAGRunCollection");
    }

    public async Task<AirflowResult<AirflowDagRun>> GetDagRunAsync(string dagId, string dagRunId, CancellationToken cancellationToken = default)
    {
        var result = await _sender.GetByIdsAsync<V1DagRun>(AirflowRequestPath.ApiV1(), cancellationToken, ("dags", "dag_id", dagId), ("dagRuns", "dag_run_id", dagRunId));
        return result.IsSuccess ? V1Mapping.Run(result.Value) : result.Failure;
    }

    /// <summary>
    /// Airflow 2 sets a run's state (<c>PATCH .../dagRuns/{id}</c>, no <c>update_mask</c>) and its note
    /// (<c>PATCH .../setNote</c>) separately: a patch of both is two calls, state first. When the note fails after the
    /// state was set, the failure says so.
    /// </summary>
    public async Task<AirflowResult<AirflowDagRun>> PatchDagRunAsync(string dagId, string dagRunId, DagRunPatch patch, IReadOnlyList<string>? updateMask, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(patch);
        var root = AirflowRequestPath.ApiV1().Literal("dags");
        var problem = DagRunPatchRules.Check(dagId, dagRunId, patch, updateMask, out var mask);
        var setState = mask.Contains("state", StringComparer.Ordinal);
        if (problem is null && setState && patch.State is null)
        {
            problem = "Airflow 2 cannot clear a run's state: give a state with update_mask 'state'.";
        }

        if (problem is not null)
        {
            return _sender.Reject<AirflowDagRun>(HttpMethod.Patch, root, problem);
        }

        AirflowResult<AirflowDagRun> result = default;
        if (setState)
        {
            var statePath = AirflowRequestPath.ApiV1().Literal("dags").Id(dagId).Literal("dagRuns").Id(dagRunId);
            var state = await _sender.SendAsync<V1DagRun>(HttpMethod.Patch, statePath, new V1StateBody(patch.State!), anonymous: false, cancellationToken);
            if (!state.IsSuccess)
            {
                return state.Failure;
            }

            result = V1Mapping.Run(state.Value);
        }

        if (mask.Contains("note", StringComparer.Ordinal))
        {
            var notePath = AirflowRequestPath.ApiV1().Literal("dags").Id(dagId).Literal("dagRuns").Id(dagRunId).Literal("setNote");
            var note = await _sender.SendAsync<V1DagRun>(HttpMethod.Patch, notePath, new V1NoteBody(patch.Note ?? string.Empty), anonymous: false, cancellationToken);
            if (!note.IsSuccess)
            {
                return setState ? note.Failure with { Detail = $"The run's state was set to {patch.State}, but its note was not: {note.Failure.Detail}" } : note.Failure;
            }

            result = V1Mapping.Run(note.Value);
        }

        return result;
    }

    /// <summary>
    /// Every page of the run's task instances, mapped ones included (Airflow 2 lists each map index as its own row).
    /// 2.10's list has no <c>task_id</c> filter, so one task's instances are picked from the run's.
    /// </summary>
    public async Task<AirflowResult<IReadOnlyList<AirflowTaskInstance>>> ListAllTaskInstancesAsync(string dagId, string dagRunId, string? taskId = null, CancellationToken cancellationToken = default)
    {
        var problem = AirflowRequestPath.CheckId("dag_id", dagId) ?? AirflowRequestPath.CheckId("dag_run_id", dagRunId)
            ?? (taskId is null ? null : AirflowRequestPath.CheckId("task_id", taskId));
        if (problem is not null)
        {
            return _sender.Reject<IReadOnlyList<AirflowTaskInstance>>(HttpMethod.Get, AirflowRequestPath.ApiV1().Literal("dags"), problem);
        }

        var all = await AirflowPager.ReadAllAsync<AirflowTaskInstance>(
            0,
            async (offset, token) =>
            {
                var page = AirflowRequestPath.ApiV1().Literal("dags").Id(dagId).Literal("dagRuns").Id(dagRunId).Literal("taskInstances")
                    .Query("limit", PageSize).Query("offset", offset);
                var result = await _sender.SendAsync<V1Collection>(HttpMethod.Get, page, body: null, anonymous: false, token);
                return result.IsSuccess && result.Value.TaskInstances is { } instances
                    ? new AirflowPage<AirflowTaskInstance>([.. instances.Select(V1Mapping.TaskInstance)], result.Value.TotalEntries ?? instances.Count)
                    : Unexpected<AirflowPage<AirflowTaskInstance>>(result, page, "TaskInstanceCollection");
            },
            instance => instance.Id,
            cancellationToken);
        return all.IsSuccess && taskId is not null ? all.Value.Where(ti => ti.TaskId == taskId).ToList() : all;
    }

    public async Task<AirflowResult<AirflowTaskLog>> GetTaskLogAsync(TaskLogQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var (path, problem) = AirflowClient.LogPath(AirflowRequestPath.ApiV1(), query, withToken: true);
        if (problem is not null)
        {
            return _sender.Reject<AirflowTaskLog>(HttpMethod.Get, path, problem);
        }

        var result = await _sender.SendAsync<V1LogChunk>(HttpMethod.Get, path, body: null, anonymous: false, cancellationToken);
        return result.IsSuccess ? new AirflowTaskLog(V1Mapping.LogLines(result.Value.Content!), string.IsNullOrEmpty(result.Value.ContinuationToken) ? null : result.Value.ContinuationToken) : result.Failure;
    }

    public async Task<AirflowResult<AirflowLogReader>> OpenTaskLogAsync(TaskLogQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var (path, problem) = AirflowClient.LogPath(AirflowRequestPath.ApiV1(), query, withToken: false);
        if (problem is not null)
        {
            return _sender.Reject<AirflowLogReader>(HttpMethod.Get, path, problem);
        }

        // Airflow 2 has no ndjson log: text/plain is its streamed form, read line by line as strings.
        var opened = await _sender.OpenStreamAsync(path, "text/plain", cancellationToken);
        if (!opened.IsSuccess)
        {
            return opened.Failure;
        }

        var response = opened.Value;
        var mediaType = response.Content.Headers.ContentType?.MediaType;
        if (mediaType is not "text/plain")
        {
            response.Dispose();
            return new AirflowFailure(AirflowError.InvalidResponse, (int)response.StatusCode, $"Airflow answered a log as '{mediaType}', not text/plain.");
        }

        return new AirflowLogReader(response, plainText: true);
    }

    public async Task<AirflowResult<IReadOnlyList<AirflowTaskInstance>>> ClearTaskInstancesAsync(string dagId, ClearTaskInstancesRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var path = AirflowRequestPath.ApiV1().Literal("dags");
        if ((AirflowRequestPath.CheckId("dag_id", dagId) ?? AirflowRequestPath.CheckId("dag_run_id", request.DagRunId)) is { } problem)
        {
            return _sender.Reject<IReadOnlyList<AirflowTaskInstance>>(HttpMethod.Post, path, problem);
        }

        // Airflow 2 answers a clear with references (task and run ids) only; the contract is the instances with their
        // state before the clear, so they are read first (one more call, made before anything changes).
        var before = await ListAllTaskInstancesAsync(dagId, request.DagRunId, taskId: null, cancellationToken);
        if (!before.IsSuccess)
        {
            return before.Failure;
        }

        path.Id(dagId).Literal("clearTaskInstances");
        var body = new Http.Wire.ClearBody(request.DagRunId, request.OnlyFailed, request.DryRun, ResetDagRuns: true);
        var result = await _sender.SendAsync<V1TaskInstanceReferenceCollection>(HttpMethod.Post, path, body, anonymous: false, cancellationToken);
        if (!result.IsSuccess)
        {
            return result.Failure;
        }

        var cleared = result.Value.TaskInstances!.Select(r => r.TaskId).ToHashSet(StringComparer.Ordinal);
        return before.Value.Where(ti => cleared.Contains(ti.TaskId) && (!request.OnlyFailed || ti.State is "failed" or "upstream_failed")).ToList();
    }

    private static AirflowResult<T> Unexpected<T>(AirflowResult<V1Collection> result, AirflowRequestPath path, string expected) =>
        result.IsSuccess
            ? new AirflowFailure(AirflowError.InvalidResponse, 200, $"Airflow's answer to GET /{path.Path} is not a valid {expected}.")
            : result.Failure;
}
