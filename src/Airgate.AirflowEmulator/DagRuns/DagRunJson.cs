using System.Text.Json.Nodes;
using Airgate.AirflowEmulator.Dags;
using Airgate.AirflowEmulator.Http;
using Airgate.AirflowEmulator.Progression;

namespace Airgate.AirflowEmulator.DagRuns;

/// <summary>DAGRunResponse as the 3.2.1 spec lists it.</summary>
internal static class DagRunJson
{
    public static JsonObject Run(DagDefinition dag, DagRunRecord run, RunSnapshot snapshot) => new()
    {
        ["dag_run_id"] = run.RunId,
        ["dag_id"] = run.DagId,
        ["logical_date"] = Wire.Time(run.LogicalDate),
        ["queued_at"] = Wire.Time(run.QueuedAt),
        ["start_date"] = Wire.Time(snapshot.StartDate),
        ["end_date"] = Wire.Time(snapshot.EndDate),
        ["duration"] = snapshot.StartDate is { } s && snapshot.EndDate is { } e ? (e - s).TotalSeconds : null,
        ["data_interval_start"] = Wire.Time(run.DataIntervalStart),
        ["data_interval_end"] = Wire.Time(run.DataIntervalEnd),
        ["run_after"] = Wire.Time(run.RunAfter),
        ["last_scheduling_decision"] = snapshot.State == "queued" ? null : Wire.Time(snapshot.UpdatedAt),
        ["run_type"] = run.RunType,
        ["state"] = snapshot.State,
        ["triggered_by"] = run.TriggeredBy,
        ["triggering_user_name"] = run.TriggeringUserName,
        ["conf"] = run.Conf.DeepClone(),
        ["note"] = run.Note,
        ["dag_versions"] = new JsonArray(DagJson.Version(dag)),
        ["bundle_version"] = null,
        ["dag_display_name"] = dag.DisplayNameOrId,
        ["partition_key"] = null,
    };
}
