namespace Airgate.Airflow.Tests;

/// <summary>Bodies shaped like Airflow 3's answers.</summary>
internal static class AirflowSamples
{
    public const string Version = """{"version":"3.2.1","git_version":null}""";

    public const string Health = """{"metadatabase":{"status":"healthy"},"scheduler":{"status":"healthy","latest_scheduler_heartbeat":null},"triggerer":{"status":null,"latest_triggerer_heartbeat":null}}""";

    public static string Dag(string dagId) =>
        $$$"""{"dag_id":{{{Quote(dagId)}}},"dag_display_name":{{{Quote(dagId)}}},"is_paused":false,"is_stale":false,"tags":[{"name":"etl","dag_id":{{{Quote(dagId)}}}}],"owners":["data"],"has_import_errors":false,"max_active_runs":16,"fileloc":"/dags/x.py","unknown_future_field":{"a":1}}""";

    public static string DagDetails(string dagId) =>
        $$$"""{"dag_id":{{{Quote(dagId)}}},"is_paused":false,"params":{"n":{"__class":"airflow.sdk.definitions.param.Param","value":3,"description":null,"schema":{"type":"integer","minimum":1},"source":"dag"}},"doc_md":"# Doc"}""";

    public static string DagRun(string dagId, string runId, string state = "queued") =>
        $$"""{"dag_run_id":{{Quote(runId)}},"dag_id":{{Quote(dagId)}},"state":"{{state}}","run_type":"manual","logical_date":null,"run_after":"2025-10-02T12:00:00Z","queued_at":"2025-10-02T12:00:00Z","conf":{"x":1},"note":null,"triggered_by":"rest_api"}""";

    public static string Task(string taskId) =>
        $$$"""{"task_id":{{{Quote(taskId)}}},"task_display_name":{{{Quote(taskId)}}},"operator_name":"BashOperator","downstream_task_ids":[],"retries":0,"retry_delay":{"__type":"TimeDelta","days":0,"seconds":300,"microseconds":0},"params":{}}""";

    public static string TaskInstance(string dagId, string runId, string taskId, int mapIndex = -1) =>
        $$"""{"id":"{{StableId($"{dagId}/{runId}/{taskId}/{mapIndex}")}}","task_id":{{Quote(taskId)}},"dag_id":{{Quote(dagId)}},"dag_run_id":{{Quote(runId)}},"map_index":{{mapIndex}},"state":null,"try_number":0,"max_tries":1}""";

    public static string DagPage(IEnumerable<string> dagIds, long total) =>
        $$"""{"dags":[{{string.Join(',', dagIds.Select(Dag))}}],"total_entries":{{total}}}""";

    public static string TaskInstancePage(IEnumerable<string> instances, long total) =>
        $$"""{"task_instances":[{{string.Join(',', instances)}}],"total_entries":{{total}}}""";

    /// <summary>The same id for the same instance, so a repeated page really repeats.</summary>
    public static Guid StableId(string key) => new(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(key)).AsSpan(0, 16));

    public static string Quote(string value) => System.Text.Json.JsonSerializer.Serialize(value);
}
