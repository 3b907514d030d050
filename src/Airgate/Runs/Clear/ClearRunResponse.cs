using Airgate.Airflow.Models;

namespace Airgate.Runs.Clear;

/// <summary>The task instances that run again (or, for a dry run, would), with their state before the clear.</summary>
internal sealed record ClearRunResponse(IReadOnlyList<AirflowTaskInstance> TaskInstances, int TotalEntries);
