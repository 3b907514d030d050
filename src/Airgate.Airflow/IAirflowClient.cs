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

    /// <summary>
    /// One chunk of a task instance's log, as JSON: <c>GET .../taskInstances/{task_id}/logs/{try_number}?map_index=&amp;token=</c>
    /// (<c>Accept: application/json</c>). Contract for every implementation: the entries come as Airflow gives them
    /// (objects with <c>event</c>, <c>timestamp</c>, ... or strings); <see cref="AirflowTaskLog.ContinuationToken"/> is
    /// opaque, passed back unchanged to read only what was written since, and null once the log has ended (the try
    /// finished and everything was read). A missing task instance, try or log is <see cref="AirflowError.NotFound"/>;
    /// ids, a try below 1 or a map index below -1 are rejected before sending.
    /// </summary>
    Task<AirflowResult<AirflowTaskLog>> GetTaskLogAsync(TaskLogQuery query, CancellationToken cancellationToken = default);

    /// <summary>
    /// The whole log of one try, opened as a stream and read as it arrives, never buffered whole (for large logs):
    /// on <c>/api/v2</c>, <c>Accept: application/x-ndjson</c>, one JSON entry per line. Contract: failures as for
    /// <see cref="GetTaskLogAsync"/>; on success the caller owns the stream and must dispose it. An implementation whose
    /// Airflow answers plain text (Airflow 2) sets <see cref="AirflowLogReader.IsPlainText"/> and gives each line as a string.
    /// The continuation token is not used: the stream is the log from its start.
    /// </summary>
    Task<AirflowResult<AirflowLogReader>> OpenTaskLogAsync(TaskLogQuery query, CancellationToken cancellationToken = default);

    /// <summary>
    /// Airflow's clear for one run: <c>POST /api/v2/dags/{dag_id}/clearTaskInstances</c> with <c>dag_run_id</c>,
    /// <c>only_failed</c>, <c>dry_run</c> and <c>reset_dag_runs: true</c>; never retried. Contract: answers the task
    /// instances cleared (or, for a dry run, that would be), with their state before the clear; when not a dry run they
    /// run again with the same parameters (the run's conf is untouched) and the run goes back to queued.
    /// </summary>
    Task<AirflowResult<IReadOnlyList<AirflowTaskInstance>>> ClearTaskInstancesAsync(string dagId, ClearTaskInstancesRequest request, CancellationToken cancellationToken = default);
}
