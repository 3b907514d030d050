using Airgate.Airflow.Models;

namespace Airgate.Airflow;

/// <summary>The subset of Airflow 3's <c>/api/v2</c> that Airgate uses; every call answers a value or an <see cref="AirflowFailure"/>.</summary>
public interface IAirflowClient
{
    /// <summary><c>GET /api/v2/version</c>.</summary>
    Task<AirflowResult<AirflowVersion>> GetVersionAsync(CancellationToken cancellationToken = default);

    /// <summary><c>GET /api/v2/monitor/health</c>.</summary>
    Task<AirflowResult<AirflowHealth>> GetHealthAsync(CancellationToken cancellationToken = default);

    /// <summary><c>GET /api/v2/dags</c>: one page, as Airflow returns it.</summary>
    Task<AirflowResult<AirflowPage<AirflowDag>>> ListDagsAsync(DagQuery query, CancellationToken cancellationToken = default);

    /// <summary><c>GET /api/v2/dags</c>: every page, read until <c>total_entries</c> is reached.</summary>
    Task<AirflowResult<IReadOnlyList<AirflowDag>>> ListAllDagsAsync(DagQuery query, CancellationToken cancellationToken = default);

    /// <summary><c>GET /api/v2/dags/{dag_id}</c>.</summary>
    Task<AirflowResult<AirflowDag>> GetDagAsync(string dagId, CancellationToken cancellationToken = default);

    /// <summary><c>GET /api/v2/dags/{dag_id}/details</c>: the DAG with its Params.</summary>
    Task<AirflowResult<AirflowDagDetails>> GetDagDetailsAsync(string dagId, CancellationToken cancellationToken = default);

    /// <summary><c>GET /api/v2/dags/{dag_id}/tasks</c>.</summary>
    Task<AirflowResult<IReadOnlyList<AirflowTask>>> ListTasksAsync(string dagId, CancellationToken cancellationToken = default);

    /// <summary><c>GET /api/v2/dags/{dag_id}/tasks/{task_id}</c>.</summary>
    Task<AirflowResult<AirflowTask>> GetTaskAsync(string dagId, string taskId, CancellationToken cancellationToken = default);

    /// <summary><c>POST /api/v2/dags/{dag_id}/dagRuns</c>; never retried.</summary>
    Task<AirflowResult<AirflowDagRun>> TriggerDagRunAsync(string dagId, TriggerDagRunRequest request, CancellationToken cancellationToken = default);

    /// <summary><c>GET /api/v2/dags/{dag_id}/dagRuns</c>: one page (<c>dag_id</c> may be <c>~</c>).</summary>
    Task<AirflowResult<AirflowPage<AirflowDagRun>>> ListDagRunsAsync(string dagId, DagRunQuery query, CancellationToken cancellationToken = default);

    /// <summary><c>GET /api/v2/dags/{dag_id}/dagRuns/{dag_run_id}</c>.</summary>
    Task<AirflowResult<AirflowDagRun>> GetDagRunAsync(string dagId, string dagRunId, CancellationToken cancellationToken = default);

    /// <summary><c>PATCH /api/v2/dags/{dag_id}/dagRuns/{dag_run_id}</c> with an optional <c>update_mask</c>; never retried.</summary>
    Task<AirflowResult<AirflowDagRun>> PatchDagRunAsync(string dagId, string dagRunId, DagRunPatch patch, IReadOnlyList<string>? updateMask, CancellationToken cancellationToken = default);

    /// <summary><c>GET .../dagRuns/{dag_run_id}/taskInstances</c>: every page, mapped instances included.</summary>
    Task<AirflowResult<IReadOnlyList<AirflowTaskInstance>>> ListAllTaskInstancesAsync(string dagId, string dagRunId, string? taskId = null, CancellationToken cancellationToken = default);
}
