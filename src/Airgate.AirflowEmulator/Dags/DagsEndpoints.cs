using System.Text.Json.Nodes;
using Airgate.AirflowEmulator.Hosting;
using Airgate.AirflowEmulator.Http;

namespace Airgate.AirflowEmulator.Dags;

/// <summary>DAGs and their tasks.</summary>
internal static class DagsEndpoints
{
    private static readonly string[] DefaultOrder = ["dag_id"];

    public static RouteGroupBuilder MapDags(this RouteGroupBuilder api)
    {
        api.MapGet("/dags", GetDags).WithName("GetDags");
        api.MapGet("/dags/{dag_id}", GetDag).WithName("GetDag");
        api.MapGet("/dags/{dag_id}/details", GetDagDetails).WithName("GetDagDetails");
        api.MapGet("/dags/{dag_id}/tasks", GetTasks).WithName("GetTasks");
        api.MapGet("/dags/{dag_id}/tasks/{task_id}", GetTask).WithName("GetTask");
        return api;
    }

    private static IResult GetDags(HttpRequest request, Emulation emulation)
    {
        var query = new QueryReader(request.Query);
        var (limit, offset) = query.Page(emulation.Options.MaximumPageLimit);
        var paused = query.Bool("paused");
        query.Bool("exclude_stale");
        var tags = query.Strings("tags");
        var matchAll = query.String("tags_match_mode") == "all";
        var owners = query.Strings("owners");
        var idMatches = LikePattern.Compile(query.String("dag_id_pattern"));
        var nameMatches = LikePattern.Compile(query.String("dag_display_name_pattern"));
        var lastRunState = query.String("last_dag_run_state");
        if (!query.IsValid)
        {
            return AirflowResults.Validation(query.Problems);
        }

        var now = emulation.Now;
        var lastRuns = emulation.Runs.All()
            .GroupBy(r => r.DagId)
            .ToDictionary(g => g.Key, g => emulation.Snapshot(g.MaxBy(r => (r.RunAfter, r.Id))!, now));

        var keys = new Dictionary<string, Func<DagDefinition, IComparable?>>
        {
            ["dag_id"] = d => d.DagId,
            ["dag_display_name"] = d => d.DisplayNameOrId,
            ["next_dagrun"] = _ => null,
            ["last_run_state"] = d => lastRuns.GetValueOrDefault(d.DagId)?.State,
            ["last_run_start_date"] = d => lastRuns.GetValueOrDefault(d.DagId)?.StartDate,
        };
        var compare = SortOrder.Build(query.Strings("order_by"), DefaultOrder, keys, d => d.DagId, out var disallowed);
        if (compare is null)
        {
            return AirflowResults.BadRequest(SortOrder.DisallowedMessage(disallowed ?? string.Empty));
        }

        var matching = emulation.Dags.All
            .Where(d => paused is null || emulation.Dags.IsPaused(d.DagId) == paused)
            .Where(d => tags.Count == 0 || (matchAll ? tags.All(d.Tags.Contains) : tags.Any(d.Tags.Contains)))
            .Where(d => owners.Count == 0 || owners.Any(d.Owners.Contains))
            .Where(d => idMatches(d.DagId) && nameMatches(d.DisplayNameOrId))
            .Where(d => lastRunState is null || lastRuns.GetValueOrDefault(d.DagId)?.State == lastRunState)
            .ToList();
        matching.Sort(compare);

        return AirflowResults.Json(new JsonObject
        {
            ["dags"] = new JsonArray([.. matching.Skip(offset).Take(limit).Select(d => (JsonNode?)DagJson.Dag(d, emulation.Dags.IsPaused(d.DagId)))]),
            ["total_entries"] = matching.Count,
        });
    }

    private static IResult GetDag(string dag_id, Emulation emulation) =>
        emulation.Dags.Find(PathSegment.Decode(dag_id)) is { } dag
            ? AirflowResults.Json(DagJson.Dag(dag, emulation.Dags.IsPaused(dag.DagId)))
            : NotFound(PathSegment.Decode(dag_id));

    private static IResult GetDagDetails(string dag_id, Emulation emulation)
    {
        if (emulation.Dags.Find(PathSegment.Decode(dag_id)) is not { } dag)
        {
            return NotFound(PathSegment.Decode(dag_id));
        }

        var now = emulation.Now;
        var active = emulation.Runs.All().Count(r => r.DagId == dag.DagId && emulation.Snapshot(r, now).State is "queued" or "running");
        return AirflowResults.Json(DagJson.Details(dag, emulation.Dags.IsPaused(dag.DagId), active));
    }

    private static IResult GetTasks(string dag_id, HttpRequest request, Emulation emulation)
    {
        if (emulation.Dags.Find(PathSegment.Decode(dag_id)) is not { } dag)
        {
            return NotFound(PathSegment.Decode(dag_id));
        }

        var orderBy = request.Query["order_by"].ToString() is { Length: > 0 } given ? given : "task_id";
        var key = orderBy.TrimStart('-');
        Func<TaskDefinition, string?>? select = key switch
        {
            "task_id" => t => t.TaskId,
            "task_display_name" => t => t.DisplayNameOrId,
            "operator_name" => t => t.OperatorName,
            "doc_md" => t => t.DocMd,
            _ => null,
        };
        if (select is null)
        {
            return AirflowResults.BadRequest($"'SerializedBaseOperator' object has no attribute '{key}'");
        }

        var tasks = orderBy.StartsWith('-')
            ? dag.Tasks.OrderByDescending(select, StringComparer.Ordinal)
            : dag.Tasks.OrderBy(select, StringComparer.Ordinal);
        return AirflowResults.Json(new JsonObject
        {
            ["tasks"] = new JsonArray([.. tasks.Select(t => (JsonNode?)DagJson.Task(dag, t))]),
            ["total_entries"] = dag.Tasks.Count,
        });
    }

    private static IResult GetTask(string dag_id, string task_id, Emulation emulation)
    {
        if (emulation.Dags.Find(PathSegment.Decode(dag_id)) is not { } dag)
        {
            return NotFound(PathSegment.Decode(dag_id));
        }

        var taskId = PathSegment.Decode(task_id);
        return dag.FindTask(taskId) is { } task
            ? AirflowResults.Json(DagJson.Task(dag, task))
            : AirflowResults.NotFound($"Task with id {taskId} was not found");
    }

    private static IResult NotFound(string dagId) => AirflowResults.NotFound($"Dag with id {dagId} was not found");
}
