using System.Globalization;
using System.Text.RegularExpressions;
using Airgate.Airflow.Http.Wire;
using Airgate.Airflow.Models;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Airgate.Airflow.Http;

/// <summary>The typed <c>/api/v2</c> client: ids checked and encoded, GETs retried, every failure answered as a value.</summary>
internal sealed partial class AirflowClient : IAirflowClient
{
    private const int PageSize = 100;

    private readonly AirflowSender _sender;

    public AirflowClient(HttpClient http, IOptions<AirflowOptions> options, TimeProvider time, ILogger<AirflowClient> logger, AirflowMetrics metrics)
        => _sender = new AirflowSender(http, options.Value, time, logger, metrics);

    public Task<AirflowResult<AirflowVersion>> GetVersionAsync(CancellationToken cancellationToken = default) =>
        _sender.SendAsync<AirflowVersion>(HttpMethod.Get, AirflowRequestPath.Api().Literal("version"), body: null, anonymous: true, cancellationToken);

    public Task<AirflowResult<AirflowHealth>> GetHealthAsync(CancellationToken cancellationToken = default) =>
        _sender.SendAsync<AirflowHealth>(HttpMethod.Get, AirflowRequestPath.Api().Literal("monitor").Literal("health"), body: null, anonymous: true, cancellationToken);

    public async Task<AirflowResult<AirflowPage<AirflowDag>>> ListDagsAsync(DagQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var path = AirflowRequestPath.Api().Literal("dags");
        if ((CheckPaging(query.Limit, query.Offset) ?? CheckText("tags", query.Tags) ?? CheckText("dag_id_pattern", query.DagIdPattern)) is { } problem)
        {
            return _sender.Reject<AirflowPage<AirflowDag>>(HttpMethod.Get, path, problem);
        }

        path.Query("limit", query.Limit).Query("offset", query.Offset).Query("tags", query.Tags)
            .Query("dag_id_pattern", query.DagIdPattern).Query("paused", query.Paused);
        var result = await _sender.SendAsync<DagCollection>(HttpMethod.Get, path, body: null, anonymous: false, cancellationToken);
        return result.IsSuccess ? new AirflowPage<AirflowDag>(result.Value.Dags, result.Value.TotalEntries) : result.Failure;
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

    public Task<AirflowResult<AirflowDag>> GetDagAsync(string dagId, CancellationToken cancellationToken = default) =>
        _sender.GetByIdsAsync<AirflowDag>(AirflowRequestPath.Api(), cancellationToken, ("dags", "dag_id", dagId));

    public Task<AirflowResult<AirflowDagDetails>> GetDagDetailsAsync(string dagId, CancellationToken cancellationToken = default) =>
        _sender.GetByIdsAsync<AirflowDagDetails>(AirflowRequestPath.Api(), cancellationToken, ("dags", "dag_id", dagId), ("details", null, null));

    public async Task<AirflowResult<IReadOnlyList<AirflowTask>>> ListTasksAsync(string dagId, CancellationToken cancellationToken = default)
    {
        var result = await _sender.GetByIdsAsync<TaskCollection>(AirflowRequestPath.Api(), cancellationToken, ("dags", "dag_id", dagId), ("tasks", null, null));
        return result.IsSuccess ? result.Value.Tasks.ToList() : result.Failure;
    }

    public Task<AirflowResult<AirflowTask>> GetTaskAsync(string dagId, string taskId, CancellationToken cancellationToken = default) =>
        _sender.GetByIdsAsync<AirflowTask>(AirflowRequestPath.Api(), cancellationToken, ("dags", "dag_id", dagId), ("tasks", "task_id", taskId));

    public Task<AirflowResult<AirflowDagRun>> TriggerDagRunAsync(string dagId, TriggerDagRunRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var problem = AirflowRequestPath.CheckId("dag_id", dagId);
        if (problem is null && request.DagRunId is not null && !RunIdPattern().IsMatch(request.DagRunId))
        {
            problem = "dag_run_id may contain only letters, digits and _ . ~ : + -.";
        }

        var path = AirflowRequestPath.Api().Literal("dags");
        if (problem is not null)
        {
            return Task.FromResult(_sender.Reject<AirflowDagRun>(HttpMethod.Post, path, problem));
        }

        path.Id(dagId).Literal("dagRuns");
        var body = new TriggerBody { DagRunId = request.DagRunId, LogicalDate = request.LogicalDate, Conf = request.Conf, Note = request.Note };
        return _sender.SendAsync<AirflowDagRun>(HttpMethod.Post, path, body, anonymous: false, cancellationToken);
    }

    public async Task<AirflowResult<AirflowPage<AirflowDagRun>>> ListDagRunsAsync(string dagId, DagRunQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var path = AirflowRequestPath.Api().Literal("dags");
        if ((AirflowRequestPath.CheckId("dag_id", dagId) ?? CheckPaging(query.Limit, query.Offset) ?? CheckText("state", query.States) ?? CheckText("order_by", query.OrderBy)) is { } problem)
        {
            return _sender.Reject<AirflowPage<AirflowDagRun>>(HttpMethod.Get, path, problem);
        }

        path.Id(dagId).Literal("dagRuns")
            .Query("limit", query.Limit).Query("offset", query.Offset).Query("state", query.States).Query("order_by", query.OrderBy)
            .Query("updated_at_gte", query.UpdatedAtGte?.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture));
        var result = await _sender.SendAsync<DagRunCollection>(HttpMethod.Get, path, body: null, anonymous: false, cancellationToken);
        return result.IsSuccess ? new AirflowPage<AirflowDagRun>(result.Value.DagRuns, result.Value.TotalEntries) : result.Failure;
    }

    public Task<AirflowResult<AirflowDagRun>> GetDagRunAsync(string dagId, string dagRunId, CancellationToken cancellationToken = default) =>
        _sender.GetByIdsAsync<AirflowDagRun>(AirflowRequestPath.Api(), cancellationToken, ("dags", "dag_id", dagId), ("dagRuns", "dag_run_id", dagRunId));

    public Task<AirflowResult<AirflowDagRun>> PatchDagRunAsync(string dagId, string dagRunId, DagRunPatch patch, IReadOnlyList<string>? updateMask, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(patch);
        var path = AirflowRequestPath.Api().Literal("dags");
        if (DagRunPatchRules.Check(dagId, dagRunId, patch, updateMask, out var mask) is { } problem)
        {
            return Task.FromResult(_sender.Reject<AirflowDagRun>(HttpMethod.Patch, path, problem));
        }

        path.Id(dagId).Literal("dagRuns").Id(dagRunId).Query("update_mask", mask);
        return _sender.SendAsync<AirflowDagRun>(HttpMethod.Patch, path, patch, anonymous: false, cancellationToken);
    }

    public Task<AirflowResult<IReadOnlyList<AirflowTaskInstance>>> ListAllTaskInstancesAsync(string dagId, string dagRunId, string? taskId = null, CancellationToken cancellationToken = default)
    {
        var path = AirflowRequestPath.Api().Literal("dags");
        var problem = AirflowRequestPath.CheckId("dag_id", dagId) ?? AirflowRequestPath.CheckId("dag_run_id", dagRunId)
            ?? (taskId is null ? null : AirflowRequestPath.CheckId("task_id", taskId));
        if (problem is not null)
        {
            return Task.FromResult(_sender.Reject<IReadOnlyList<AirflowTaskInstance>>(HttpMethod.Get, path, problem));
        }

        path.Id(dagId).Literal("dagRuns").Id(dagRunId).Literal("taskInstances");
        return AirflowPager.ReadAllAsync<AirflowTaskInstance>(
            0,
            async (offset, token) =>
            {
                var page = AirflowRequestPath.Api().Literal("dags").Id(dagId).Literal("dagRuns").Id(dagRunId).Literal("taskInstances")
                    .Query("task_id", taskId).Query("limit", PageSize).Query("offset", offset);
                var result = await _sender.SendAsync<TaskInstanceCollection>(HttpMethod.Get, page, body: null, anonymous: false, token);
                return result.IsSuccess ? new AirflowPage<AirflowTaskInstance>(result.Value.TaskInstances, result.Value.TotalEntries) : result.Failure;
            },
            instance => instance.Id,
            cancellationToken);
    }

    public async Task<AirflowResult<AirflowTaskLog>> GetTaskLogAsync(TaskLogQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var (path, problem) = LogPath(AirflowRequestPath.Api(), query, withToken: true);
        if (problem is not null)
        {
            return _sender.Reject<AirflowTaskLog>(HttpMethod.Get, path, problem);
        }

        var result = await _sender.SendAsync<LogChunk>(HttpMethod.Get, path, body: null, anonymous: false, cancellationToken);
        return result.IsSuccess ? new AirflowTaskLog(result.Value.Content, result.Value.ContinuationToken) : result.Failure;
    }

    public async Task<AirflowResult<AirflowLogReader>> OpenTaskLogAsync(TaskLogQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var (path, problem) = LogPath(AirflowRequestPath.Api(), query, withToken: false);
        if (problem is not null)
        {
            return _sender.Reject<AirflowLogReader>(HttpMethod.Get, path, problem);
        }

        var opened = await _sender.OpenStreamAsync(path, "application/x-ndjson", cancellationToken);
        if (!opened.IsSuccess)
        {
            return opened.Failure;
        }

        var response = opened.Value;
        var mediaType = response.Content.Headers.ContentType?.MediaType;
        if (mediaType is not ("application/x-ndjson" or "application/json" or "text/plain"))
        {
            response.Dispose();
            return new AirflowFailure(AirflowError.InvalidResponse, (int)response.StatusCode, $"Airflow answered a log as '{mediaType}', not application/x-ndjson.");
        }

        return new AirflowLogReader(response, plainText: mediaType == "text/plain");
    }

    public async Task<AirflowResult<IReadOnlyList<AirflowTaskInstance>>> ClearTaskInstancesAsync(string dagId, ClearTaskInstancesRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var path = AirflowRequestPath.Api().Literal("dags");
        if ((AirflowRequestPath.CheckId("dag_id", dagId) ?? AirflowRequestPath.CheckId("dag_run_id", request.DagRunId)) is { } problem)
        {
            return _sender.Reject<IReadOnlyList<AirflowTaskInstance>>(HttpMethod.Post, path, problem);
        }

        path.Id(dagId).Literal("clearTaskInstances");
        var body = new ClearBody(request.DagRunId, request.OnlyFailed, request.DryRun, ResetDagRuns: true);
        var result = await _sender.SendAsync<TaskInstanceCollection>(HttpMethod.Post, path, body, anonymous: false, cancellationToken);
        return result.IsSuccess ? result.Value.TaskInstances.ToList() : result.Failure;
    }

    /// <summary><c>.../taskInstances/{task_id}/logs/{try_number}?map_index=&amp;token=</c>, the same under both APIs' roots.</summary>
    internal static (AirflowRequestPath Path, string? Problem) LogPath(AirflowRequestPath root, TaskLogQuery query, bool withToken)
    {
        var path = root.Literal("dags");
        var problem = AirflowRequestPath.CheckId("dag_id", query.DagId) ?? AirflowRequestPath.CheckId("dag_run_id", query.DagRunId)
            ?? AirflowRequestPath.CheckId("task_id", query.TaskId)
            ?? (query.TryNumber < 1 ? "try_number must be 1 or more." : null)
            ?? (query.MapIndex < -1 ? "map_index must be -1 or more." : null)
            ?? (withToken && query.ContinuationToken is { } token ? CheckText("token", token) : null);
        if (problem is not null)
        {
            return (path, problem);
        }

        path.Id(query.DagId).Literal("dagRuns").Id(query.DagRunId).Literal("taskInstances").Id(query.TaskId).Literal("logs")
            .Id(query.TryNumber.ToString(CultureInfo.InvariantCulture))
            .Query("map_index", query.MapIndex).Query("token", withToken ? query.ContinuationToken : null);
        return (path, null);
    }

    [GeneratedRegex("^[A-Za-z0-9_.~:+-]+$")]
    internal static partial Regex RunIdPattern();

    internal static string? CheckPaging(int limit, int offset) =>
        limit < 0 ? "limit must not be negative." : offset < 0 ? "offset must not be negative." : null;

    internal static string? CheckText(string name, string? value) =>
        value is null ? null : AirflowRequestPath.CheckId(name, value);

    internal static string? CheckText(string name, IEnumerable<string> values) =>
        values.Select(v => AirflowRequestPath.CheckId(name, v)).FirstOrDefault(p => p is not null);
}
