using Airgate.Airflow.Models;

namespace Airgate.Runs;

internal sealed record TaskInstanceList(IReadOnlyList<AirflowTaskInstance> TaskInstances, int TotalEntries, RunSummary Summary);
