using System.Text.Json.Nodes;
using Airgate.AirflowEmulator.DagRuns;
using Airgate.AirflowEmulator.Dags;
using Airgate.AirflowEmulator.Http;
using Airgate.AirflowEmulator.Progression;

namespace Airgate.AirflowEmulator.TaskInstances;

/// <summary>TaskInstanceResponse as the 3.2.1 spec lists it.</summary>
internal static class TaskInstanceJson
{
    public static JsonObject Instance(DagDefinition dag, DagRunRecord run, TaskInstanceSnapshot ti)
    {
        var task = dag.FindTask(ti.TaskId);
        var started = ti.StartDate is not null;
        return new JsonObject
        {
            ["id"] = Wire.Uuid($"ti/{run.DagId}/{run.RunId}/{ti.TaskId}/{ti.MapIndex}"),
            ["task_id"] = ti.TaskId,
            ["dag_id"] = run.DagId,
            ["dag_run_id"] = run.RunId,
            ["map_index"] = ti.MapIndex,
            ["logical_date"] = Wire.Time(run.LogicalDate),
            ["run_after"] = Wire.Time(run.RunAfter),
            ["start_date"] = Wire.Time(ti.StartDate),
            ["end_date"] = Wire.Time(ti.EndDate),
            ["duration"] = ti.Duration,
            ["state"] = ti.State,
            ["try_number"] = ti.TryNumber,
            ["max_tries"] = 0,
            ["task_display_name"] = task?.DisplayNameOrId ?? ti.TaskId,
            ["dag_display_name"] = dag.DisplayNameOrId,
            ["hostname"] = started ? "airflow-emulator" : null,
            ["unixname"] = started ? "airflow" : null,
            ["pool"] = "default_pool",
            ["pool_slots"] = 1,
            ["queue"] = "default",
            ["priority_weight"] = 1,
            ["operator"] = task?.OperatorName,
            ["operator_name"] = task?.OperatorName,
            ["queued_when"] = Wire.Time(ti.QueuedWhen),
            ["scheduled_when"] = Wire.Time(ti.ScheduledWhen),
            ["pid"] = started ? 4000 + ti.Order : null,
            ["executor"] = null,
            ["executor_config"] = "{}",
            ["note"] = null,
            ["rendered_map_index"] = ti.MapIndex >= 0 ? ti.MapIndex.ToString(System.Globalization.CultureInfo.InvariantCulture) : null,
            ["rendered_fields"] = new JsonObject(),
            ["trigger"] = null,
            ["triggerer_job"] = null,
            ["dag_version"] = DagJson.Version(dag),
        };
    }
}
