using System.Text.Json.Nodes;
using Airgate.AirflowEmulator.Http;

namespace Airgate.AirflowEmulator.V1;

/// <summary>Airflow 3's answers (as the shared endpoints write them) in Airflow 2.10's shapes, as its spec lists them.</summary>
internal static class V1Json
{
    private const string ErrorDocs = "https://airflow.apache.org/docs/apache-airflow/2.10.0/stable-rest-api-ref.html#section/Errors/";

    public static JsonNode Reshape(V1Answer answer, JsonObject v2) => answer switch
    {
        V1Answer.Dag => Dag(v2),
        V1Answer.DagDetails => Details(v2),
        V1Answer.Dags => Collection(v2, "dags", Dag),
        V1Answer.Task => Task(v2),
        V1Answer.Tasks => Collection(v2, "tasks", Task),
        V1Answer.Run => Run(v2),
        V1Answer.Runs => Collection(v2, "dag_runs", Run),
        V1Answer.TaskInstance => TaskInstance(v2),
        V1Answer.TaskInstances => Collection(v2, "task_instances", TaskInstance),
        V1Answer.Log => Log(v2),
        V1Answer.ClearedReferences => ClearedReferences(v2),
        _ => v2,
    };

    /// <summary>An RFC 7807 problem, as Airflow 2's connexion app answers every error; FastAPI's 422 is Airflow 2's 400.</summary>
    public static (int Status, JsonObject Body) Problem(int status, JsonNode? detail)
    {
        var mapped = status == StatusCodes.Status422UnprocessableEntity ? StatusCodes.Status400BadRequest : status;
        var title = mapped switch
        {
            400 => "Bad Request",
            401 => "Unauthorized",
            403 => "Forbidden",
            404 => "Not Found",
            405 => "Method Not Allowed",
            409 => "Conflict",
            _ => mapped >= 500 ? "Internal Server Error" : "Error",
        };
        var type = mapped switch
        {
            400 => "BadRequest",
            401 => "Unauthenticated",
            403 => "PermissionDenied",
            404 => "NotFound",
            409 => "AlreadyExists",
            _ => "Unknown",
        };
        return (mapped, new JsonObject
        {
            ["detail"] = Flatten(detail) ?? title,
            ["status"] = mapped,
            ["title"] = title,
            ["type"] = ErrorDocs + type,
        });
    }

    public static JsonObject Dag(JsonObject dag) => new()
    {
        ["dag_id"] = Copy(dag, "dag_id"),
        ["dag_display_name"] = Copy(dag, "dag_display_name"),
        ["root_dag_id"] = null,
        ["is_paused"] = Copy(dag, "is_paused"),
        ["is_active"] = dag["is_stale"]?.GetValue<bool>() != true,
        ["is_subdag"] = false,
        ["last_parsed_time"] = Copy(dag, "last_parsed_time"),
        ["last_pickled"] = null,
        ["last_expired"] = Copy(dag, "last_expired"),
        ["scheduler_lock"] = null,
        ["pickle_id"] = null,
        ["default_view"] = "grid",
        ["fileloc"] = Copy(dag, "fileloc"),
        ["file_token"] = Copy(dag, "file_token"),
        ["owners"] = Copy(dag, "owners"),
        ["description"] = Copy(dag, "description"),
        ["schedule_interval"] = dag["timetable_summary"] is JsonValue cron
            ? new JsonObject { ["__type"] = "CronExpression", ["value"] = cron.DeepClone() }
            : null,
        ["timetable_description"] = Copy(dag, "timetable_description"),
        ["tags"] = new JsonArray([.. (dag["tags"] as JsonArray ?? []).Select(t => (JsonNode?)new JsonObject { ["name"] = t?["name"]?.DeepClone() })]),
        ["max_active_tasks"] = Copy(dag, "max_active_tasks"),
        ["max_active_runs"] = Copy(dag, "max_active_runs"),
        ["max_consecutive_failed_dag_runs"] = Copy(dag, "max_consecutive_failed_dag_runs"),
        ["has_task_concurrency_limits"] = Copy(dag, "has_task_concurrency_limits"),
        ["has_import_errors"] = Copy(dag, "has_import_errors"),
        ["next_dagrun"] = Copy(dag, "next_dagrun_logical_date"),
        ["next_dagrun_data_interval_start"] = Copy(dag, "next_dagrun_data_interval_start"),
        ["next_dagrun_data_interval_end"] = Copy(dag, "next_dagrun_data_interval_end"),
        ["next_dagrun_create_after"] = Copy(dag, "next_dagrun_run_after"),
    };

    public static JsonObject Details(JsonObject details)
    {
        var json = Dag(details);
        json["catchup"] = Copy(details, "catchup");
        json["concurrency"] = Copy(details, "concurrency");
        json["dag_run_timeout"] = null;
        json["dataset_expression"] = null;
        json["doc_md"] = Copy(details, "doc_md");
        json["end_date"] = Copy(details, "end_date");
        json["is_paused_upon_creation"] = Copy(details, "is_paused_upon_creation");
        json["last_parsed"] = Copy(details, "last_parsed");
        json["orientation"] = "LR";
        json["render_template_as_native_obj"] = Copy(details, "render_template_as_native_obj");
        json["start_date"] = Copy(details, "start_date");
        json["template_search_path"] = Copy(details, "template_search_path");
        json["timezone"] = "Timezone('UTC')";

        // The same serialized Params; Airflow 2's class lives in airflow.models.param.
        var parameters = new JsonObject();
        foreach (var (name, param) in details["params"] as JsonObject ?? [])
        {
            if (param is JsonObject p)
            {
                parameters[name] = new JsonObject
                {
                    ["__class"] = "airflow.models.param.Param",
                    ["value"] = Copy(p, "value"),
                    ["description"] = Copy(p, "description"),
                    ["schema"] = Copy(p, "schema"),
                };
            }
        }

        json["params"] = parameters;
        return json;
    }

    public static JsonObject Task(JsonObject task) => new()
    {
        ["task_id"] = Copy(task, "task_id"),
        ["task_display_name"] = Copy(task, "task_display_name"),
        ["owner"] = Copy(task, "owner"),
        ["start_date"] = Copy(task, "start_date"),
        ["end_date"] = Copy(task, "end_date"),
        ["trigger_rule"] = Copy(task, "trigger_rule"),
        ["extra_links"] = new JsonArray(),
        ["depends_on_past"] = Copy(task, "depends_on_past"),
        ["wait_for_downstream"] = Copy(task, "wait_for_downstream"),
        ["is_mapped"] = task["is_mapped"]?.GetValue<bool>() == true,
        ["retries"] = Copy(task, "retries"),
        ["queue"] = Copy(task, "queue"),
        ["executor"] = null,
        ["pool"] = Copy(task, "pool"),
        ["pool_slots"] = Copy(task, "pool_slots"),
        ["execution_timeout"] = Copy(task, "execution_timeout"),
        ["retry_delay"] = Copy(task, "retry_delay"),
        ["retry_exponential_backoff"] = task["retry_exponential_backoff"] is JsonValue backoff && backoff.TryGetValue<double>(out var factor) && factor > 0,
        ["priority_weight"] = Copy(task, "priority_weight"),
        ["weight_rule"] = Copy(task, "weight_rule"),
        ["ui_color"] = Copy(task, "ui_color"),
        ["ui_fgcolor"] = Copy(task, "ui_fgcolor"),
        ["template_fields"] = Copy(task, "template_fields"),
        ["downstream_task_ids"] = Copy(task, "downstream_task_ids"),
        ["doc_md"] = Copy(task, "doc_md"),
        ["class_ref"] = new JsonObject
        {
            ["class_name"] = Copy(task, "operator_name"),
            ["module_path"] = task["class_ref"]?["module_path"]?.DeepClone(),
        },
    };

    public static JsonObject Run(JsonObject run) => new()
    {
        ["dag_run_id"] = Copy(run, "dag_run_id"),
        ["dag_id"] = Copy(run, "dag_id"),
        // Airflow 2 has no run without a logical date: a run seeded without one shows its run_after.
        ["logical_date"] = (run["logical_date"] ?? run["run_after"])?.DeepClone(),
        ["execution_date"] = (run["logical_date"] ?? run["run_after"])?.DeepClone(),
        ["start_date"] = Copy(run, "start_date"),
        ["end_date"] = Copy(run, "end_date"),
        ["data_interval_start"] = Copy(run, "data_interval_start"),
        ["data_interval_end"] = Copy(run, "data_interval_end"),
        ["last_scheduling_decision"] = Copy(run, "last_scheduling_decision"),
        ["run_type"] = run["run_type"]?.GetValue<string>() == "asset_triggered" ? "dataset_triggered" : Copy(run, "run_type"),
        ["state"] = Copy(run, "state"),
        ["external_trigger"] = run["run_type"]?.GetValue<string>() == "manual",
        ["conf"] = Copy(run, "conf"),
        ["note"] = Copy(run, "note"),
    };

    public static JsonObject TaskInstance(JsonObject ti) => new()
    {
        ["task_id"] = Copy(ti, "task_id"),
        ["task_display_name"] = Copy(ti, "task_display_name"),
        ["dag_id"] = Copy(ti, "dag_id"),
        ["dag_run_id"] = Copy(ti, "dag_run_id"),
        ["execution_date"] = (ti["logical_date"] ?? ti["run_after"])?.DeepClone(),
        ["start_date"] = Copy(ti, "start_date"),
        ["end_date"] = Copy(ti, "end_date"),
        ["duration"] = Copy(ti, "duration"),
        ["state"] = Copy(ti, "state"),
        ["try_number"] = Copy(ti, "try_number"),
        ["map_index"] = Copy(ti, "map_index"),
        ["rendered_map_index"] = Copy(ti, "rendered_map_index"),
        ["max_tries"] = Copy(ti, "max_tries"),

        // Non-nullable strings in Airflow 2's spec: empty until the instance runs somewhere.
        ["hostname"] = ti["hostname"]?.DeepClone() ?? string.Empty,
        ["unixname"] = ti["unixname"]?.DeepClone() ?? string.Empty,
        ["pool"] = Copy(ti, "pool"),
        ["pool_slots"] = Copy(ti, "pool_slots"),
        ["queue"] = Copy(ti, "queue"),
        ["priority_weight"] = Copy(ti, "priority_weight"),
        ["operator"] = Copy(ti, "operator"),
        ["queued_when"] = Copy(ti, "queued_when"),
        ["pid"] = Copy(ti, "pid"),
        ["executor"] = Copy(ti, "executor"),
        ["executor_config"] = Copy(ti, "executor_config"),
        ["sla_miss"] = null,
        ["rendered_fields"] = Copy(ti, "rendered_fields"),
        ["trigger"] = null,
        ["triggerer_job"] = null,
        ["note"] = Copy(ti, "note"),
    };

    /// <summary>Airflow 2 answers a clear with <c>TaskInstanceReference</c>s, not whole task instances.</summary>
    public static JsonObject ClearedReferences(JsonObject v2) => new()
    {
        ["task_instances"] = new JsonArray([.. (v2["task_instances"] as JsonArray ?? []).OfType<JsonObject>().Select(ti => (JsonNode?)new JsonObject
        {
            ["task_id"] = Copy(ti, "task_id"),
            ["dag_id"] = Copy(ti, "dag_id"),
            ["dag_run_id"] = Copy(ti, "dag_run_id"),
            ["execution_date"] = Copy(ti, "logical_date"),
        })]),
    };

    /// <summary>Airflow 2's JSON log: the lines as one string (a text/plain request gets them bare, see <see cref="LogText"/>).</summary>
    public static JsonObject Log(JsonObject log) => new()
    {
        ["content"] = LogText(log),
        // Airflow 2 always answers a token (its metadata carries end_of_log); a string here as its spec says.
        ["continuation_token"] = Copy(log, "continuation_token") ?? string.Empty,
    };

    public static string LogText(JsonObject log) =>
        string.Concat((log["content"] as JsonArray ?? []).OfType<JsonObject>().Select(line =>
            $"[{line["timestamp"]?.GetValue<string>()}] {{{line["logger"]?.GetValue<string>()}}} {line["level"]?.GetValue<string>()?.ToUpperInvariant()} - {line["event"]?.GetValue<string>()}\n"));

    private static JsonObject Collection(JsonObject v2, string name, Func<JsonObject, JsonObject> item) => new()
    {
        [name] = new JsonArray([.. (v2[name] as JsonArray ?? []).OfType<JsonObject>().Select(i => (JsonNode?)item(i))]),
        ["total_entries"] = Copy(v2, "total_entries"),
    };

    private static JsonNode? Copy(JsonObject source, string name) => source[name]?.DeepClone();

    private static string? Flatten(JsonNode? detail) => detail switch
    {
        null => null,
        JsonValue value when value.TryGetValue<string>(out var text) => text,
        JsonArray items => string.Join("; ", items.Select(i => i is JsonObject o && o["msg"] is { } msg
            ? $"{string.Join('.', (o["loc"] as JsonArray ?? []).Select(l => l?.ToString()))}: {msg}"
            : i?.ToJsonString())),
        JsonObject o when o["reason"] is JsonValue reason => reason.ToString(),
        _ => detail.ToJsonString(),
    };
}
