namespace Airgate.Airflow.Http.Wire;

/// <summary>Airflow's <c>ClearTaskInstancesBody</c>: only fields 3.0.2 has too; the run goes back to queued (<c>reset_dag_runs</c>).</summary>
internal sealed record ClearBody(string DagRunId, bool OnlyFailed, bool DryRun, bool ResetDagRuns);
