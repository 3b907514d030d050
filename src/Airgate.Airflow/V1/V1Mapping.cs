using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Airgate.Airflow.Models;
using Airgate.Airflow.V1.Wire;

namespace Airgate.Airflow.V1;

/// <summary>
/// Airflow 2's shapes as Airflow 3's models, so nothing above the client knows which API answered. Where Airflow 2 has
/// no equivalent the model says so with a null (<c>triggering_user_name</c>, <c>queued_at</c>, <c>scheduled_when</c>,
/// task Params) and README.md lists each difference.
/// </summary>
internal static class V1Mapping
{
    public static AirflowDag Dag(V1Dag dag) => Fill(new AirflowDag { DagId = dag.DagId! }, dag);

    public static AirflowDagDetails Details(V1Dag dag) =>
        (AirflowDagDetails)Fill(new AirflowDagDetails { DagId = dag.DagId!, Params = dag.Params, DocMd = dag.DocMd }, dag);

    public static AirflowDagRun Run(V1DagRun run)
    {
        var logicalDate = run.LogicalDate ?? run.ExecutionDate;
        return new AirflowDagRun
        {
            DagRunId = run.DagRunId!,
            DagId = run.DagId!,
            State = run.State!,
            RunType = RunType(run.RunType!),
            LogicalDate = logicalDate,
            RunAfter = RunAfter(run, logicalDate),
            QueuedAt = run.QueuedAt,
            StartDate = run.StartDate,
            EndDate = run.EndDate,
            DataIntervalStart = run.DataIntervalStart,
            DataIntervalEnd = run.DataIntervalEnd,
            Note = run.Note,
            Conf = run.Conf,

            // Airflow 2 says only whether a run was triggered from outside the scheduler, not by what or by whom.
            TriggeredBy = run.ExternalTrigger == false ? "timetable" : null,
            TriggeringUserName = null,
        };
    }

    public static AirflowTask Task(V1Task task) => new()
    {
        TaskId = task.TaskId!,
        TaskDisplayName = task.TaskDisplayName,
        OperatorName = task.ClassRef?.ClassName,
        DownstreamTaskIds = task.DownstreamTaskIds,
        IsMapped = task.IsMapped,
        Owner = task.Owner,
        Retries = task.Retries,
        TriggerRule = task.TriggerRule,
        DocMd = task.DocMd,
        Params = null,
    };

    public static AirflowTaskInstance TaskInstance(V1TaskInstance ti) => new()
    {
        Id = TaskInstanceId(ti.DagId!, ti.DagRunId!, ti.TaskId!, ti.MapIndex ?? -1),
        TaskId = ti.TaskId!,
        DagId = ti.DagId!,
        DagRunId = ti.DagRunId!,
        MapIndex = ti.MapIndex ?? -1,

        // "none" is Airflow 2's deprecated spelling of "no state yet", which Airflow 3 (and Airgate) write as null.
        State = ti.State is "none" ? null : ti.State,
        TaskDisplayName = ti.TaskDisplayName,
        Operator = ti.Operator,
        TryNumber = ti.TryNumber ?? 0,
        MaxTries = ti.MaxTries ?? 0,
        StartDate = ti.StartDate,
        EndDate = ti.EndDate,
        Duration = ti.Duration,
        QueuedWhen = ti.QueuedWhen,
        ScheduledWhen = null,
        RenderedMapIndex = ti.RenderedMapIndex,
        Note = ti.Note,
    };

    /// <summary>Airflow 2 names asset-triggered runs after datasets; the other run types are the same.</summary>
    public static string RunType(string runType) => runType == "dataset_triggered" ? "asset_triggered" : runType;

    /// <summary>
    /// Airflow 2's task instances have no <c>id</c>: a UUID derived from what identifies one (DAG, run, task, map
    /// index), so the same instance keeps one id across reads as in Airflow 3.
    /// </summary>
    public static string TaskInstanceId(string dagId, string dagRunId, string taskId, int mapIndex)
    {
        var bytes = SHA256.HashData(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new object[] { dagId, dagRunId, taskId, mapIndex }))).AsSpan(0, 16).ToArray();
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x80);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes, bigEndian: true).ToString();
    }

    /// <summary>
    /// Airflow 2 has no <c>run_after</c>. Airflow 3 derived it when migrating Airflow 2's runs: a scheduled or backfill
    /// run may start once its data interval has ended; any other run (manual, dataset) at its logical date, which
    /// Airflow 2 sets to the time of the trigger.
    /// </summary>
    private static DateTimeOffset RunAfter(V1DagRun run, DateTimeOffset? logicalDate) =>
        (run.RunType is "scheduled" or "backfill" ? run.DataIntervalEnd ?? logicalDate : logicalDate)
        ?? run.StartDate ?? DateTimeOffset.UnixEpoch;

    private static AirflowDag Fill(AirflowDag target, V1Dag dag) => target with
    {
        DagDisplayName = dag.DagDisplayName,
        Description = dag.Description,
        IsPaused = dag.IsPaused ?? false,

        // Airflow 2's "active" (seen by the scheduler) is the opposite of Airflow 3's "stale".
        IsStale = dag.IsActive == false,
        Tags = [.. dag.Tags.Where(t => t.Name is not null).Select(t => new AirflowDagTag { Name = t.Name!, DagId = dag.DagId })],
        Owners = dag.Owners,
        HasImportErrors = dag.HasImportErrors ?? false,
        TimetableSummary = Schedule(dag.ScheduleInterval),
        TimetableDescription = dag.TimetableDescription,
        MaxActiveRuns = dag.MaxActiveRuns,
        NextDagrunRunAfter = dag.NextDagrunCreateAfter,
        LastParsedTime = dag.LastParsedTime,
    };

    /// <summary>A cron expression's text; a TimeDelta or RelativeDelta schedule has none (its description says it).</summary>
    private static string? Schedule(JsonElement? schedule) =>
        schedule is { ValueKind: JsonValueKind.Object } value && value.TryGetProperty("value", out var text) && text.ValueKind == JsonValueKind.String
            ? text.GetString()
            : null;

    /// <summary>Airflow 2's log (one string) as Airflow 3's entries: one string per line, the line break dropped.</summary>
    public static IReadOnlyList<System.Text.Json.JsonElement> LogLines(string content) =>
        [.. content.Split('\n').Where(line => line.Length > 0).Select(line => System.Text.Json.JsonSerializer.SerializeToElement(line.TrimEnd('\r')))];
}
