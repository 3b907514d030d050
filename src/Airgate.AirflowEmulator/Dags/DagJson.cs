using System.Text.Json.Nodes;
using Airgate.AirflowEmulator.Http;

namespace Airgate.AirflowEmulator.Dags;

/// <summary>DAGResponse, DAGDetailsResponse, TaskResponse and DagVersionResponse as the 3.2.1 spec lists them.</summary>
internal static class DagJson
{
    /// <summary>When the emulated dag processor parsed every fixture.</summary>
    public static readonly DateTimeOffset ParsedAt = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static JsonObject Dag(DagDefinition dag, bool paused) => new()
    {
        ["dag_id"] = dag.DagId,
        ["dag_display_name"] = dag.DisplayNameOrId,
        ["is_paused"] = paused,
        ["is_stale"] = false,
        ["last_parsed_time"] = Wire.Time(ParsedAt),
        ["last_parse_duration"] = 0.05,
        ["last_expired"] = null,
        ["bundle_name"] = "dags-folder",
        ["bundle_version"] = null,
        ["relative_fileloc"] = $"{dag.DagId}.py",
        ["fileloc"] = dag.Fileloc,
        ["description"] = dag.Description,
        ["timetable_summary"] = dag.TimetableSummary,
        ["timetable_description"] = dag.TimetableSummary is null ? "Never, external triggers only" : dag.TimetableSummary,
        ["timetable_partitioned"] = false,
        ["tags"] = new JsonArray([.. dag.Tags.Order(StringComparer.Ordinal).Select(t => (JsonNode?)new JsonObject
        {
            ["name"] = t,
            ["dag_id"] = dag.DagId,
            ["dag_display_name"] = dag.DisplayNameOrId,
        })]),
        ["max_active_tasks"] = 16,
        ["max_active_runs"] = 16,
        ["max_consecutive_failed_dag_runs"] = 0,
        ["has_task_concurrency_limits"] = false,
        ["has_import_errors"] = false,
        ["next_dagrun_logical_date"] = null,
        ["next_dagrun_data_interval_start"] = null,
        ["next_dagrun_data_interval_end"] = null,
        ["next_dagrun_run_after"] = null,
        ["allowed_run_types"] = null,
        ["owners"] = Wire.Strings(dag.Owners),
        ["file_token"] = Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(dag.Fileloc)).TrimEnd('='),
    };

    public static JsonObject Details(DagDefinition dag, bool paused, int activeRuns)
    {
        var json = Dag(dag, paused);
        json["catchup"] = false;
        json["dag_run_timeout"] = null;
        json["asset_expression"] = null;
        json["doc_md"] = dag.DocMd;
        json["start_date"] = null;
        json["end_date"] = null;
        json["is_paused_upon_creation"] = null;
        json["params"] = Params(dag.Params);
        json["render_template_as_native_obj"] = false;
        json["template_search_path"] = null;
        json["timezone"] = "UTC";
        json["last_parsed"] = Wire.Time(ParsedAt);
        json["default_args"] = new JsonObject { ["owner"] = (dag.Owners.Count > 0 ? dag.Owners[0] : "airflow") };
        json["owner_links"] = null;
        json["is_favorite"] = false;
        json["active_runs_count"] = activeRuns;
        json["concurrency"] = 16;
        json["latest_dag_version"] = Version(dag);
        return json;
    }

    public static JsonObject Version(DagDefinition dag) => new()
    {
        ["id"] = Wire.Uuid($"dag-version/{dag.DagId}/1"),
        ["version_number"] = 1,
        ["dag_id"] = dag.DagId,
        ["bundle_name"] = "dags-folder",
        ["bundle_version"] = null,
        ["created_at"] = Wire.Time(ParsedAt),
        ["dag_display_name"] = dag.DisplayNameOrId,
        ["bundle_url"] = null,
    };

    public static JsonObject Task(DagDefinition dag, TaskDefinition task) => new()
    {
        ["task_id"] = task.TaskId,
        ["task_display_name"] = task.DisplayNameOrId,
        ["owner"] = (dag.Owners.Count > 0 ? dag.Owners[0] : "airflow"),
        ["start_date"] = null,
        ["end_date"] = null,
        ["trigger_rule"] = "all_success",
        ["depends_on_past"] = false,
        ["wait_for_downstream"] = false,
        ["retries"] = 0,
        ["queue"] = "default",
        ["pool"] = "default_pool",
        ["pool_slots"] = 1,
        ["execution_timeout"] = null,
        ["retry_delay"] = new JsonObject { ["__type"] = "TimeDelta", ["days"] = 0, ["seconds"] = 300, ["microseconds"] = 0 },
        ["retry_exponential_backoff"] = 0,
        ["priority_weight"] = 1,
        ["weight_rule"] = "downstream",
        ["ui_color"] = "#fff",
        ["ui_fgcolor"] = "#000",
        ["template_fields"] = new JsonArray(),
        ["downstream_task_ids"] = Wire.Strings(task.DownstreamTaskIds),
        ["doc_md"] = task.DocMd,
        ["operator_name"] = task.OperatorName,
        ["params"] = Params(dag.Params),
        ["class_ref"] = new JsonObject { ["module_path"] = "airflow.providers.standard.operators.python", ["class_name"] = task.OperatorName },
        ["is_mapped"] = task.IsMapped,
        ["extra_links"] = new JsonArray(),
    };

    /// <summary>Params in Airflow's serialized form: <c>{"__class", "value", "description", "schema"}</c>.</summary>
    public static JsonObject Params(IReadOnlyList<ParamDefinition> parameters)
    {
        var json = new JsonObject();
        foreach (var p in parameters)
        {
            json[p.Name] = new JsonObject
            {
                ["__class"] = "airflow.sdk.definitions.param.Param",
                ["value"] = p.Default?.DeepClone(),
                ["description"] = p.Description,
                ["schema"] = p.Schema.DeepClone(),
                ["source"] = null,
            };
        }

        return json;
    }
}
