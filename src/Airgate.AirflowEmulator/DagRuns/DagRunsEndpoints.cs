using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Airgate.AirflowEmulator.Auth;
using Airgate.AirflowEmulator.Hosting;
using Airgate.AirflowEmulator.Http;
using Airgate.AirflowEmulator.Progression;

namespace Airgate.AirflowEmulator.DagRuns;

/// <summary>DAG runs: list (with <c>~</c> for every DAG), read, trigger, and set state or note.</summary>
internal static partial class DagRunsEndpoints
{
    private static readonly string[] TriggerFields = ["conf", "dag_run_id", "data_interval_end", "data_interval_start", "logical_date", "note", "partition_key", "run_after"];
    private static readonly string[] PatchFields = ["state", "note"];
    private static readonly string[] PatchStates = ["queued", "success", "failed"];
    private static readonly string[] DefaultOrder = ["id"];

    public static RouteGroupBuilder MapDagRuns(this RouteGroupBuilder api)
    {
        api.MapGet("/dags/{dag_id}/dagRuns", GetDagRuns).WithName("GetDagRuns");
        api.MapPost("/dags/{dag_id}/dagRuns", TriggerDagRun).WithName("TriggerDagRun");
        api.MapGet("/dags/{dag_id}/dagRuns/{dag_run_id}", GetDagRun).WithName("GetDagRun");
        api.MapPatch("/dags/{dag_id}/dagRuns/{dag_run_id}", PatchDagRun).WithName("PatchDagRun");
        return api;
    }

    private static IResult GetDagRuns(string dag_id, HttpRequest request, Emulation emulation)
    {
        var dagId = PathSegment.Decode(dag_id);
        var query = new QueryReader(request.Query);
        var (limit, offset) = query.Page(emulation.Options.MaximumPageLimit);
        var runAfter = query.Range("run_after");
        var logicalDate = query.Range("logical_date");
        var startDate = query.Range("start_date");
        var endDate = query.Range("end_date");
        var updatedAt = query.Range("updated_at");
        var states = query.Strings("state");
        var runTypes = query.Strings("run_type");
        var runIdMatches = LikePattern.Compile(query.String("run_id_pattern"));
        var userMatches = LikePattern.Compile(query.String("triggering_user_name_pattern"));
        var dagIdMatches = LikePattern.Compile(query.String("dag_id_pattern"));
        var confContains = query.String("conf_contains");
        if (!query.IsValid)
        {
            return AirflowResults.Validation(query.Problems);
        }

        if (dagId != "~" && emulation.Dags.Find(dagId) is null)
        {
            return AirflowResults.NotFound($"The DAG with dag_id: `{dagId}` was not found");
        }

        var now = emulation.Now;
        // Snapshots (states computed from the clock) are made only for rows a filter or the order needs, and for the
        // page: listing the newest 100 of 100,000 runs must not evaluate 100,000 runs.
        // A lower bound on updated_at (a mirror's sync) reads the runs changed since, as Airflow's index does, not all.
        var candidates = updatedAt.From is { } changedFrom ? emulation.Runs.UpdatedSince(changedFrom) : emulation.Runs.All();
        var rows = candidates
            .Where(r => dagId == "~" || r.DagId == dagId)
            .Select(r => new Row(r, () => emulation.Snapshot(r, now)))
            .ToList();

        var keys = new Dictionary<string, Func<Row, IComparable?>>
        {
            ["id"] = x => x.Run.Id,
            ["state"] = x => x.Snapshot.State,
            ["dag_id"] = x => x.Run.DagId,
            ["run_id"] = x => x.Run.RunId,
            ["dag_run_id"] = x => x.Run.RunId,
            ["logical_date"] = x => x.Run.LogicalDate,
            ["run_after"] = x => x.Run.RunAfter,
            ["start_date"] = x => x.Snapshot.StartDate,
            ["end_date"] = x => x.Snapshot.EndDate,
            ["updated_at"] = x => x.Snapshot.UpdatedAt,
            ["conf"] = x => x.Run.Conf.ToJsonString(),
            ["duration"] = x => x.Snapshot.StartDate is { } s && x.Snapshot.EndDate is { } e ? (e - s).TotalSeconds : null,
        };
        var orderBy = query.Strings("order_by");
        var compare = SortOrder.Build(orderBy, DefaultOrder, keys, x => x.Run.Id, out var disallowed);
        if (compare is null)
        {
            return AirflowResults.BadRequest(SortOrder.DisallowedMessage(disallowed ?? string.Empty));
        }

        var matching = rows
            .Where(x => runAfter.Contains(x.Run.RunAfter) && logicalDate.Contains(x.Run.LogicalDate))
            .Where(x => (startDate.IsEmpty || startDate.Contains(x.Snapshot.StartDate))
                && (endDate.IsEmpty || endDate.Contains(x.Snapshot.EndDate))
                && (updatedAt.IsEmpty || updatedAt.Contains(x.Snapshot.UpdatedAt)))
            .Where(x => states.Count == 0 || states.Contains(x.Snapshot.State))
            .Where(x => runTypes.Count == 0 || runTypes.Contains(x.Run.RunType))
            .Where(x => runIdMatches(x.Run.RunId) && userMatches(x.Run.TriggeringUserName) && dagIdMatches(x.Run.DagId))
            .Where(x => confContains is null || x.Run.Conf.ToJsonString().Contains(confContains, StringComparison.Ordinal))
            .ToList();

        // The store keeps runs in id order, so ordering by id alone needs no sort.
        switch (orderBy.Count == 0 ? "id" : orderBy.Count == 1 ? orderBy[0] : null)
        {
            case "id":
                break;
            case "-id":
                matching.Reverse();
                break;
            default:
                matching.Sort(compare);
                break;
        }

        return AirflowResults.Json(new JsonObject
        {
            ["dag_runs"] = new JsonArray([.. matching.Skip(offset).Take(limit).Select(x => (JsonNode?)DagRunJson.Run(emulation.Dags.Find(x.Run.DagId)!, x.Run, x.Snapshot))]),
            ["total_entries"] = matching.Count,
        });
    }

    private static IResult GetDagRun(string dag_id, string dag_run_id, Emulation emulation)
    {
        var (dagId, runId) = (PathSegment.Decode(dag_id), PathSegment.Decode(dag_run_id));
        if (emulation.Runs.Find(dagId, runId) is not { } run || emulation.Dags.Find(dagId) is not { } dag)
        {
            return RunNotFound(dagId, runId);
        }

        return AirflowResults.Json(DagRunJson.Run(dag, run, emulation.Snapshot(run, emulation.Now)));
    }

    private static async Task<IResult> TriggerDagRun(string dag_id, HttpRequest request, Emulation emulation)
    {
        var dagId = PathSegment.Decode(dag_id);
        var (body, problems) = await BodyReader.ReadAsync(request, TriggerFields);
        if (body is null)
        {
            return AirflowResults.Validation(problems);
        }

        var conf = body.Object("conf") ?? [];
        var requestedRunId = body.String("dag_run_id");
        var logicalDate = body.AwareTime("logical_date");
        var intervalStart = body.AwareTime("data_interval_start");
        var intervalEnd = body.AwareTime("data_interval_end");
        var runAfter = body.AwareTime("run_after");
        var note = body.String("note");
        body.String("partition_key");
        if ((intervalStart is null) != (intervalEnd is null) && body.IsValid)
        {
            body.Fail(new ValidationProblem("value_error", ["body"], "Value error, Either both data_interval_start and data_interval_end must be provided or both must be None", body.Body.DeepClone(), new JsonObject { ["error"] = new JsonObject() }));
        }

        if (!body.IsValid)
        {
            return AirflowResults.Validation(body.Problems);
        }

        if (emulation.Dags.Find(dagId) is not { } dag)
        {
            return AirflowResults.NotFound($"DAG with dag_id: '{dagId}' not found");
        }

        if (requestedRunId is not null && !RunIdPattern().IsMatch(requestedRunId))
        {
            return AirflowResults.BadRequest($"The run_id provided '{requestedRunId}' does not match regex pattern '^[A-Za-z0-9_.~:+-]+$' or '^(?:manual|scheduled|asset_triggered|backfill)__(?:\\d{{4}}-\\d{{2}}-\\d{{2}}T\\d{{2}}:\\d{{2}}:\\d{{2}}\\+00:00)$'");
        }

        if (ParamValidator.FirstError(dag.Params, conf) is { } paramError)
        {
            return AirflowResults.BadRequest(paramError);
        }

        var now = emulation.Now;
        var due = runAfter ?? now;
        var runId = requestedRunId ?? $"manual__{Wire.PythonIso(logicalDate ?? due)}";
        var user = BearerAuthFilter.UserOf(request.HttpContext);
        var added = emulation.Runs.TryAdd(
            id => new DagRunRecord
            {
                Id = id,
                DagId = dagId,
                RunId = runId,
                RunAfter = due,
                QueuedAt = now,
                StartsAt = emulation.StartFor(dagId, due, now),
                LogicalDate = logicalDate,
                DataIntervalStart = intervalStart ?? logicalDate,
                DataIntervalEnd = intervalEnd ?? logicalDate,
                Conf = conf,
                Note = string.IsNullOrEmpty(note) ? null : note,
                TriggeringUserName = user,
            },
            out var run);
        if (!added)
        {
            return AirflowResults.Detail(StatusCodes.Status409Conflict, new JsonObject
            {
                ["reason"] = "Unique constraint violation",
                ["statement"] = "INSERT INTO dag_run (dag_id, queued_at, logical_date, start_date, end_date, state, run_id, creating_job_id, run_type, triggered_by, triggering_user_name, conf, data_interval_start, data_interval_end, run_after, last_scheduling_decision, log_template_id, updated_at, clear_number, backfill_id, bundle_version, scheduled_by_job_id, context_carrier, span_status, created_dag_version_id, partition_key) VALUES (...)",
                ["orig_error"] = $"duplicate key value violates unique constraint \"dag_run_dag_id_run_id_key\"\nDETAIL:  Key (dag_id, run_id)=({dagId}, {runId}) already exists.",
            });
        }

        return AirflowResults.Json(DagRunJson.Run(dag, run, emulation.Snapshot(run, now)));
    }

    private static async Task<IResult> PatchDagRun(string dag_id, string dag_run_id, HttpRequest request, Emulation emulation)
    {
        var (dagId, runId) = (PathSegment.Decode(dag_id), PathSegment.Decode(dag_run_id));
        var (body, problems) = await BodyReader.ReadAsync(request, PatchFields);
        if (body is null)
        {
            return AirflowResults.Validation(problems);
        }

        var state = body.Enum("state", PatchStates);
        var note = body.String("note", maxLength: 1000);
        if (!body.IsValid)
        {
            return AirflowResults.Validation(body.Problems);
        }

        if (emulation.Runs.Find(dagId, runId) is null || emulation.Dags.Find(dagId) is not { } dag)
        {
            return RunNotFound(dagId, runId);
        }

        var mask = request.Query["update_mask"].OfType<string>().ToList();
        bool Updates(string field) => body.Has(field) && (mask.Count == 0 || mask.Contains(field));

        var now = emulation.Now;
        var updated = emulation.Runs.Update(dagId, runId, run =>
        {
            if (Updates("note"))
            {
                run = run with { Note = note };
            }

            if (Updates("state") && state is not null)
            {
                run = state == "queued"
                    ? run with { QueuedAt = now, StartsAt = emulation.StartFor(dagId, now, now), Frozen = null }
                    : run with { Frozen = RunProgression.MarkedAs(emulation.Snapshot(run, now), state, now) };
            }

            return run;
        });
        return updated is null
            ? RunNotFound(dagId, runId)
            : AirflowResults.Json(DagRunJson.Run(dag, updated, emulation.Snapshot(updated, now)));
    }

    private static IResult RunNotFound(string dagId, string runId) =>
        AirflowResults.NotFound($"The DagRun with dag_id: `{dagId}` and run_id: `{runId}` was not found");

    [GeneratedRegex("^[A-Za-z0-9_.~:+-]+$")]
    private static partial Regex RunIdPattern();

    private sealed class Row(DagRunRecord run, Func<RunSnapshot> snapshot)
    {
        private RunSnapshot? _snapshot;

        public DagRunRecord Run => run;

        public RunSnapshot Snapshot => _snapshot ??= snapshot();
    }
}
