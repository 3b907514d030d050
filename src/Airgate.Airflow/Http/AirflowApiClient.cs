using Airgate.Airflow.Models;
using Airgate.Airflow.V1;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Airgate.Airflow.Http;

/// <summary>
/// The registered <see cref="IAirflowClient"/>: one HttpClient (one resilience pipeline, one circuit breaker) under an
/// <c>/api/v2</c> (<see cref="AirflowClient"/>) and an <c>/api/v1</c> (<see cref="AirflowV1Client"/>) dialect; each
/// call goes to the one <see cref="AirflowApiSelector"/> chose. A new method is one line here and one per dialect.
/// </summary>
internal sealed class AirflowApiClient : IAirflowClient
{
    private readonly AirflowApiSelector _selector;
    private readonly AirflowClient _v2;
    private readonly AirflowV1Client _v1;

    public AirflowApiClient(HttpClient http, IOptions<AirflowOptions> options, TimeProvider time, ILoggerFactory loggers, AirflowMetrics metrics, AirflowApiSelector selector)
    {
        _selector = selector;
        _v2 = new AirflowClient(http, options, time, loggers.CreateLogger<AirflowClient>(), metrics);
        _v1 = new AirflowV1Client(new AirflowSender(http, options.Value, time, loggers.CreateLogger<AirflowV1Client>(), metrics));
    }

    public Task<AirflowResult<AirflowVersion>> GetVersionAsync(CancellationToken cancellationToken = default) =>
        OnAsync(c => c.GetVersionAsync(cancellationToken), cancellationToken);

    public Task<AirflowResult<AirflowHealth>> GetHealthAsync(CancellationToken cancellationToken = default) =>
        OnAsync(async c =>
        {
            var health = await c.GetHealthAsync(cancellationToken);
            return health.IsSuccess ? health.Value with { Api = c == _v1 ? AirflowApiVersion.V1 : AirflowApiVersion.V2 } : health;
        }, cancellationToken);

    public Task<AirflowResult<AirflowPage<AirflowDag>>> ListDagsAsync(DagQuery query, CancellationToken cancellationToken = default) =>
        OnAsync(c => c.ListDagsAsync(query, cancellationToken), cancellationToken);

    public Task<AirflowResult<IReadOnlyList<AirflowDag>>> ListAllDagsAsync(DagQuery query, CancellationToken cancellationToken = default) =>
        OnAsync(c => c.ListAllDagsAsync(query, cancellationToken), cancellationToken);

    public Task<AirflowResult<AirflowDag>> GetDagAsync(string dagId, CancellationToken cancellationToken = default) =>
        OnAsync(c => c.GetDagAsync(dagId, cancellationToken), cancellationToken);

    public Task<AirflowResult<AirflowDagDetails>> GetDagDetailsAsync(string dagId, CancellationToken cancellationToken = default) =>
        OnAsync(c => c.GetDagDetailsAsync(dagId, cancellationToken), cancellationToken);

    public Task<AirflowResult<IReadOnlyList<AirflowTask>>> ListTasksAsync(string dagId, CancellationToken cancellationToken = default) =>
        OnAsync(c => c.ListTasksAsync(dagId, cancellationToken), cancellationToken);

    public Task<AirflowResult<AirflowTask>> GetTaskAsync(string dagId, string taskId, CancellationToken cancellationToken = default) =>
        OnAsync(c => c.GetTaskAsync(dagId, taskId, cancellationToken), cancellationToken);

    public Task<AirflowResult<AirflowDagRun>> TriggerDagRunAsync(string dagId, TriggerDagRunRequest request, CancellationToken cancellationToken = default) =>
        OnAsync(c => c.TriggerDagRunAsync(dagId, request, cancellationToken), cancellationToken);

    public Task<AirflowResult<AirflowPage<AirflowDagRun>>> ListDagRunsAsync(string dagId, DagRunQuery query, CancellationToken cancellationToken = default) =>
        OnAsync(c => c.ListDagRunsAsync(dagId, query, cancellationToken), cancellationToken);

    public Task<AirflowResult<AirflowDagRun>> GetDagRunAsync(string dagId, string dagRunId, CancellationToken cancellationToken = default) =>
        OnAsync(c => c.GetDagRunAsync(dagId, dagRunId, cancellationToken), cancellationToken);

    public Task<AirflowResult<AirflowDagRun>> PatchDagRunAsync(string dagId, string dagRunId, DagRunPatch patch, IReadOnlyList<string>? updateMask, CancellationToken cancellationToken = default) =>
        OnAsync(c => c.PatchDagRunAsync(dagId, dagRunId, patch, updateMask, cancellationToken), cancellationToken);

    public Task<AirflowResult<IReadOnlyList<AirflowTaskInstance>>> ListAllTaskInstancesAsync(string dagId, string dagRunId, string? taskId = null, CancellationToken cancellationToken = default) =>
        OnAsync(c => c.ListAllTaskInstancesAsync(dagId, dagRunId, taskId, cancellationToken), cancellationToken);

    public Task<AirflowResult<AirflowTaskLog>> GetTaskLogAsync(TaskLogQuery query, CancellationToken cancellationToken = default) =>
        OnAsync(c => c.GetTaskLogAsync(query, cancellationToken), cancellationToken);

    public Task<AirflowResult<AirflowLogReader>> OpenTaskLogAsync(TaskLogQuery query, CancellationToken cancellationToken = default) =>
        OnAsync(c => c.OpenTaskLogAsync(query, cancellationToken), cancellationToken);

    public Task<AirflowResult<IReadOnlyList<AirflowTaskInstance>>> ClearTaskInstancesAsync(string dagId, ClearTaskInstancesRequest request, CancellationToken cancellationToken = default) =>
        OnAsync(c => c.ClearTaskInstancesAsync(dagId, request, cancellationToken), cancellationToken);

    private async Task<AirflowResult<T>> OnAsync<T>(Func<IAirflowClient, Task<AirflowResult<T>>> call, CancellationToken cancellationToken)
    {
        var api = await _selector.SelectAsync(ProbeAsync, cancellationToken);
        if (!api.IsSuccess)
        {
            return api.Failure;
        }

        return await call(api.Value == AirflowApiVersion.V1 ? _v1 : _v2);
    }

    private Task<AirflowResult<AirflowVersion>> ProbeAsync(AirflowApiVersion version, CancellationToken cancellationToken) =>
        version == AirflowApiVersion.V1 ? _v1.GetVersionAsync(cancellationToken) : _v2.GetVersionAsync(cancellationToken);
}
