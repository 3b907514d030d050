using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Airgate.AirflowEmulator.DagRuns;
using Airgate.AirflowEmulator.Dags;
using Airgate.AirflowEmulator.Hosting;
using Airgate.AirflowEmulator.Http;
using Airgate.AirflowEmulator.Progression;

namespace Airgate.AirflowEmulator.TaskInstances;

/// <summary>Task instances of a run (or of every run with <c>~</c>), mapped instances, and their logs.</summary>
internal static class TaskInstancesEndpoints
{
    private const string Prefix = "/dags/{dag_id}/dagRuns/{dag_run_id}/taskInstances";
    private static readonly string[] DefaultOrder = ["map_index"];

    public static RouteGroupBuilder MapTaskInstances(this RouteGroupBuilder api)
    {
        api.MapGet(Prefix, GetTaskInstances).WithName("GetTaskInstances");
        api.MapGet(Prefix + "/{task_id}", GetTaskInstance).WithName("GetTaskInstance");
        api.MapGet(Prefix + "/{task_id}/listMapped", GetMappedTaskInstances).WithName("GetMappedTaskInstances");
        api.MapGet(Prefix + "/{task_id}/{map_index}", GetMappedTaskInstance).WithName("GetMappedTaskInstance");
        api.MapGet(Prefix + "/{task_id}/logs/{try_number}", GetLog).WithName("GetLog");
        api.MapPost("/dags/{dag_id}/clearTaskInstances", ClearTaskInstances.Post).WithName("PostClearTaskInstances");
        return api;
    }

    private static IResult GetTaskInstances(string dag_id, string dag_run_id, HttpRequest request, Emulation emulation)
    {
        var (dagId, runId) = (PathSegment.Decode(dag_id), PathSegment.Decode(dag_run_id));
        var query = new QueryReader(request.Query);
        var taskId = query.String("task_id");
        return List(dagId, runId, query, emulation, ti => taskId is null || ti.TaskId == taskId);
    }

    private static IResult GetMappedTaskInstances(string dag_id, string dag_run_id, string task_id, HttpRequest request, Emulation emulation)
    {
        var (dagId, runId, taskId) = (PathSegment.Decode(dag_id), PathSegment.Decode(dag_run_id), PathSegment.Decode(task_id));
        var query = new QueryReader(request.Query);
        if (dagId != "~" && emulation.Dags.Find(dagId) is { } dag && dag.FindTask(taskId) is null)
        {
            return AirflowResults.NotFound($"Task id {taskId} not found");
        }

        return List(dagId, runId, query, emulation, ti => ti.TaskId == taskId && ti.MapIndex >= 0);
    }

    private static IResult List(string dagId, string runId, QueryReader query, Emulation emulation, Func<TaskInstanceSnapshot, bool> include)
    {
        var (limit, offset) = query.Page(emulation.Options.MaximumPageLimit);
        var states = query.Strings("state");
        var startDate = query.Range("start_date");
        var endDate = query.Range("end_date");
        var mapIndexes = query.Strings("map_index");
        if (!query.IsValid)
        {
            return AirflowResults.Validation(query.Problems);
        }

        if (dagId != "~" && emulation.Dags.Find(dagId) is null)
        {
            return AirflowResults.NotFound($"The Dag with ID: `{dagId}` was not found");
        }

        var runs = emulation.Runs.All().Where(r => (dagId == "~" || r.DagId == dagId) && (runId == "~" || r.RunId == runId)).ToList();
        if (dagId != "~" && runId != "~" && runs.Count == 0)
        {
            return AirflowResults.NotFound($"The DagRun with dag_id: `{dagId}` and run_id: `{runId}` was not found");
        }

        var now = emulation.Now;
        var rows = runs
            .SelectMany(r => emulation.Snapshot(r, now).TaskInstances.Select(ti => (Run: r, Ti: ti)))
            .Where(x => include(x.Ti))
            .Where(x => states.Count == 0 || states.Contains(x.Ti.State ?? "no_status") || (x.Ti.State is null && states.Contains("none")))
            .Where(x => startDate.Contains(x.Ti.StartDate) && endDate.Contains(x.Ti.EndDate))
            .Where(x => mapIndexes.Count == 0 || mapIndexes.Contains(x.Ti.MapIndex.ToString(CultureInfo.InvariantCulture)))
            .ToList();

        var keys = new Dictionary<string, Func<(DagRunRecord Run, TaskInstanceSnapshot Ti), IComparable?>>
        {
            ["id"] = x => Wire.Uuid($"ti/{x.Run.DagId}/{x.Run.RunId}/{x.Ti.TaskId}/{x.Ti.MapIndex}"),
            ["state"] = x => x.Ti.State,
            ["duration"] = x => x.Ti.Duration,
            ["start_date"] = x => x.Ti.StartDate,
            ["end_date"] = x => x.Ti.EndDate,
            ["map_index"] = x => x.Ti.MapIndex,
            ["try_number"] = x => x.Ti.TryNumber,
            ["logical_date"] = x => x.Run.LogicalDate,
            ["run_after"] = x => x.Run.RunAfter,
            ["data_interval_start"] = x => x.Run.DataIntervalStart,
            ["data_interval_end"] = x => x.Run.DataIntervalEnd,
            ["rendered_map_index"] = x => x.Ti.MapIndex >= 0 ? x.Ti.MapIndex.ToString(CultureInfo.InvariantCulture) : null,
            ["operator"] = x => emulation.Dags.Find(x.Run.DagId)?.FindTask(x.Ti.TaskId)?.OperatorName,
        };
        var compare = SortOrder.Build(query.Strings("order_by"), DefaultOrder, keys, x => (x.Run.Id * 10_000) + (x.Ti.Order * 1_000) + x.Ti.MapIndex, out var disallowed);
        if (compare is null)
        {
            return AirflowResults.BadRequest(SortOrder.DisallowedMessage(disallowed ?? string.Empty));
        }

        rows.Sort(compare);
        return AirflowResults.Json(new JsonObject
        {
            ["task_instances"] = new JsonArray([.. rows.Skip(offset).Take(limit).Select(x => (JsonNode?)TaskInstanceJson.Instance(emulation.Dags.Find(x.Run.DagId)!, x.Run, x.Ti))]),
            ["total_entries"] = rows.Count,
        });
    }

    private static IResult GetTaskInstance(string dag_id, string dag_run_id, string task_id, Emulation emulation)
    {
        var (dagId, runId, taskId) = (PathSegment.Decode(dag_id), PathSegment.Decode(dag_run_id), PathSegment.Decode(task_id));
        var found = Find(emulation, dagId, runId, taskId, mapIndex: null);
        if (found is not { } x)
        {
            return AirflowResults.NotFound($"The Task Instance with dag_id: `{dagId}`, run_id: `{runId}` and task_id: `{taskId}` was not found");
        }

        return x.Ti.MapIndex != -1
            ? AirflowResults.NotFound("Task instance is mapped, add the map_index value to the URL")
            : AirflowResults.Json(TaskInstanceJson.Instance(x.Dag, x.Run, x.Ti));
    }

    private static IResult GetMappedTaskInstance(string dag_id, string dag_run_id, string task_id, string map_index, Emulation emulation)
    {
        var (dagId, runId, taskId) = (PathSegment.Decode(dag_id), PathSegment.Decode(dag_run_id), PathSegment.Decode(task_id));
        if (!int.TryParse(map_index, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var mapIndex))
        {
            return AirflowResults.Validation(new ValidationProblem("int_parsing", ["path", "map_index"], "Input should be a valid integer, unable to parse string as an integer", map_index));
        }

        return Find(emulation, dagId, runId, taskId, mapIndex) is { } x
            ? AirflowResults.Json(TaskInstanceJson.Instance(x.Dag, x.Run, x.Ti))
            : AirflowResults.NotFound($"The Mapped Task Instance with dag_id: `{dagId}`, run_id: `{runId}`, task_id: `{taskId}`, and map_index: `{mapIndex}` was not found");
    }

    private static IResult GetLog(string dag_id, string dag_run_id, string task_id, string try_number, HttpRequest request, Emulation emulation)
    {
        var (dagId, runId, taskId) = (PathSegment.Decode(dag_id), PathSegment.Decode(dag_run_id), PathSegment.Decode(task_id));
        var query = new QueryReader(request.Query);
        var mapIndex = query.Int("map_index", -1);
        var fullContent = query.Bool("full_content") ?? false;
        var token = query.String("token");
        if (!int.TryParse(try_number, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var tryNumber))
        {
            return AirflowResults.Validation(new ValidationProblem("int_parsing", ["path", "try_number"], "Input should be a valid integer, unable to parse string as an integer", try_number));
        }

        if (tryNumber < 1)
        {
            return AirflowResults.Validation(new ValidationProblem("greater_than", ["path", "try_number"], "Input should be greater than 0", try_number, new JsonObject { ["gt"] = 0 }));
        }

        if (!query.IsValid)
        {
            return AirflowResults.Validation(query.Problems);
        }

        if (Find(emulation, dagId, runId, taskId, mapIndex) is not { } x)
        {
            return AirflowResults.NotFound("TaskInstance not found");
        }

        // The live try, or an earlier one a clear left behind (finished, so its log is complete).
        var ti = tryNumber == x.Ti.TryNumber ? x.Ti : x.Run.PastTries.LastOrDefault(t => t.TaskId == taskId && t.MapIndex == mapIndex && t.TryNumber == tryNumber);
        if (ti?.StartDate is null)
        {
            return AirflowResults.NotFound("TaskInstance not found");
        }

        var offset = 0;
        if (token is not null && !fullContent)
        {
            if (LogToken.Read(token) is not { } position)
            {
                return AirflowResults.BadRequest("Bad Signature. Please use only the tokens provided by the API.");
            }

            offset = position;
        }

        var lines = LogLines(ti, emulation.Now, emulation.Options, emulation.Logs.PaddingOf(dagId, taskId));
        var fresh = lines.Skip(Math.Min(offset, lines.Count)).ToList();
        if (request.Headers.Accept.ToString().Contains("application/x-ndjson", StringComparison.OrdinalIgnoreCase))
        {
            return new NdjsonLog(fresh, emulation.Logs.HoldOf(dagId, taskId));
        }

        return AirflowResults.Json(new JsonObject
        {
            ["content"] = new JsonArray([.. fresh]),
            // As Airflow: no token once the log has ended (the try finished and everything was read).
            ["continuation_token"] = ti.IsFinished ? null : LogToken.Write(lines.Count),
        });
    }

    /// <summary>
    /// The log of one try as it stands at <paramref name="now"/>: it grows while the task runs (a line per tenth of the
    /// task's duration), with any padding a test asked for, and ends with the outcome.
    /// </summary>
    private static List<JsonNode?> LogLines(TaskInstanceSnapshot ti, DateTimeOffset now, EmulatorOptions options, int padding)
    {
        var start = ti.StartDate ?? DateTimeOffset.UnixEpoch;
        var lines = new List<JsonNode?>
        {
            Line(start, "info", $"Executing task {ti.TaskId} (map_index {ti.MapIndex}, try {ti.TryNumber}) on the Airflow emulator", "task"),
            Line(start, "info", "Emulated work started", "task.stdout"),
        };
        for (var i = 0; i < padding; i++)
        {
            lines.Add(Line(start, "info", $"Emulated output line {i + 1} of {padding}", "task.stdout"));
        }

        var step = options.TaskDuration / 10;
        var upTo = ti.EndDate is { } finished && finished < now ? finished : now;
        for (var done = 1; done < 10 && step > TimeSpan.Zero && start + (step * done) <= upTo; done++)
        {
            lines.Add(Line(start + (step * done), "info", $"Emulated work {done * 10}% done", "task.stdout"));
        }

        if (ti.EndDate is { } end)
        {
            lines.Add(ti.State == "failed"
                ? Line(end, "error", "Task failed with exception: emulated failure", "task")
                : Line(end, "info", $"Task instance in {ti.State} state", "task"));
        }

        return lines;
    }

    private static JsonObject Line(DateTimeOffset at, string level, string text, string logger) => new()
    {
        ["timestamp"] = Wire.Time(at),
        ["event"] = text,
        ["level"] = level,
        ["logger"] = logger,
    };

    private static (DagDefinition Dag, DagRunRecord Run, TaskInstanceSnapshot Ti)? Find(Emulation emulation, string dagId, string runId, string taskId, int? mapIndex)
    {
        if (emulation.Dags.Find(dagId) is not { } dag || emulation.Runs.Find(dagId, runId) is not { } run)
        {
            return null;
        }

        var instances = emulation.Snapshot(run, emulation.Now).TaskInstances.Where(t => t.TaskId == taskId);
        var ti = mapIndex is { } index ? instances.FirstOrDefault(t => t.MapIndex == index) : instances.FirstOrDefault();
        return ti is null ? null : (dag, run, ti);
    }
}
