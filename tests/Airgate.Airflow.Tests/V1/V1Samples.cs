namespace Airgate.Airflow.Tests.V1;

/// <summary>Bodies shaped like Airflow 2.10's <c>/api/v1</c> answers.</summary>
internal static class V1Samples
{
    public const string Version = """{"version":"2.10.0","git_version":".release:abc"}""";

    public const string Health = """{"metadatabase":{"status":"healthy"},"scheduler":{"status":"healthy","latest_scheduler_heartbeat":"2025-10-02T12:00:00+00:00"},"triggerer":{"status":null,"latest_triggerer_heartbeat":null},"dag_processor":{"status":null,"latest_dag_processor_heartbeat":null}}""";

    public static string Dag(string dagId, bool active = true) =>
        $$"""{"dag_id":{{Q(dagId)}},"dag_display_name":{{Q(dagId)}},"description":null,"is_paused":false,"is_active":{{(active ? "true" : "false")}},"is_subdag":false,"root_dag_id":null,"tags":[{"name":"etl"}],"owners":["data"],"has_import_errors":false,"schedule_interval":{"__type":"CronExpression","value":"0 3 * * *"},"timetable_description":"At 03:00","max_active_runs":16,"next_dagrun_create_after":"2025-10-03T03:00:00+00:00","last_parsed_time":"2025-10-02T12:00:00+00:00","fileloc":"/dags/x.py","file_token":"x"}""";

    public static string DagDetails(string dagId) =>
        $$$$"""{"dag_id":{{{{Q(dagId)}}}},"is_paused":false,"is_active":true,"tags":[],"owners":[],"params":{"n":{"__class":"airflow.models.param.Param","value":3,"description":null,"schema":{"type":"integer","minimum":1}}},"doc_md":"# Doc","catchup":false}""";

    public static string DagPage(IEnumerable<string> dagIds, long total) =>
        $$"""{"dags":[{{string.Join(',', dagIds.Select(d => Dag(d)))}}],"total_entries":{{total}}}""";

    /// <summary>A run as Airflow 2 answers it: <c>execution_date</c> and <c>logical_date</c>, <c>external_trigger</c>, no <c>run_after</c>.</summary>
    public static string DagRun(string dagId, string runId, string state = "queued", string runType = "manual", string? logicalDate = "2025-10-02T12:00:00.123456+00:00", bool bothDates = true) =>
        $$"""{"dag_run_id":{{Q(runId)}},"dag_id":{{Q(dagId)}},"state":"{{state}}","run_type":"{{runType}}",{{(bothDates ? $"\"logical_date\":{Q(logicalDate)}," : string.Empty)}}"execution_date":{{Q(logicalDate)}},"start_date":null,"end_date":null,"data_interval_start":"2025-10-01T03:00:00+00:00","data_interval_end":"2025-10-02T03:00:00+00:00","external_trigger":{{(runType == "manual" ? "true" : "false")}},"conf":{"x":1},"note":null,"last_scheduling_decision":null}""";

    public static string RunPage(IEnumerable<string> runs, long total) =>
        $$"""{"dag_runs":[{{string.Join(',', runs)}}],"total_entries":{{total}}}""";

    public static string Task(string taskId) =>
        $$"""{"task_id":{{Q(taskId)}},"task_display_name":{{Q(taskId)}},"class_ref":{"class_name":"BashOperator","module_path":"airflow.operators.bash"},"owner":"data","downstream_task_ids":["b"],"is_mapped":false,"retries":1,"trigger_rule":"all_success","retry_exponential_backoff":false,"retry_delay":{"__type":"TimeDelta","days":0,"seconds":300,"microseconds":0},"ui_color":"#fff","ui_fgcolor":"#000","template_fields":[],"extra_links":[]}""";

    public static string TaskInstance(string dagId, string runId, string taskId, int mapIndex = -1, string? state = null) =>
        $$"""{"task_id":{{Q(taskId)}},"dag_id":{{Q(dagId)}},"dag_run_id":{{Q(runId)}},"map_index":{{mapIndex}},"state":{{Q(state)}},"execution_date":"2025-10-02T12:00:00+00:00","try_number":0,"max_tries":1,"operator":"BashOperator","hostname":"","unixname":"airflow","pool":"default_pool","pool_slots":1,"queue":"default","priority_weight":1,"executor_config":"{}","sla_miss":null,"rendered_fields":{},"rendered_map_index":{{(mapIndex >= 0 ? Q(mapIndex.ToString(System.Globalization.CultureInfo.InvariantCulture)) : "null")}},"note":null}""";

    public static string TaskInstancePage(IEnumerable<string> instances, long total) =>
        $$"""{"task_instances":[{{string.Join(',', instances)}}],"total_entries":{{total}}}""";

    public static string Problem(int status, string title, string? detail) =>
        $$"""{"detail":{{Q(detail)}},"status":{{status}},"title":{{Q(title)}},"type":"https://airflow.apache.org/docs/apache-airflow/2.10.0/stable-rest-api-ref.html#section/Errors/{{title.Replace(" ", string.Empty, StringComparison.Ordinal)}}"}""";

    private static string Q(string? value) => System.Text.Json.JsonSerializer.Serialize(value);
}
