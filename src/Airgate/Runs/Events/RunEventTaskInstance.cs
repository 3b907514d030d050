using Airgate.Airflow.Models;

namespace Airgate.Runs.Events;

/// <summary>The <c>task_instance</c> event: one task instance (key: task_id and map_index) that changed or appeared.</summary>
internal sealed record RunEventTaskInstance(AirflowTaskInstance TaskInstance);
