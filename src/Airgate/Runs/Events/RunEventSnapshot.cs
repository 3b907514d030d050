using Airgate.Airflow.Models;

namespace Airgate.Runs.Events;

/// <summary>The <c>snapshot</c> event: the run as run detail answers it, every task instance and their summary.</summary>
internal sealed record RunEventSnapshot(RunResponse Run, IReadOnlyList<AirflowTaskInstance> TaskInstances, RunSummary Summary);
