using System.Text.Json.Nodes;
using Airgate.AirflowEmulator.Hosting;
using Airgate.AirflowEmulator.Http;
using Airgate.AirflowEmulator.Progression;

namespace Airgate.AirflowEmulator.TaskInstances;

/// <summary>
/// <c>POST /dags/{dag_id}/clearTaskInstances</c> as Airflow 3.2.1 answers it: the task instances chosen
/// (<c>only_failed</c> means failed and upstream_failed ones, <c>only_running</c> running ones, <c>task_ids</c> narrows
/// further) are listed with their state before the clear; unless <c>dry_run</c> (the default), they lose their state, the
/// run goes back to queued and they run again with the next try number, while the others keep theirs.
/// </summary>
internal static class ClearTaskInstances
{
    private static readonly string[] Fields =
    [
        "dry_run", "start_date", "end_date", "only_failed", "only_running", "reset_dag_runs", "task_ids", "dag_run_id",
        "include_upstream", "include_downstream", "include_future", "include_past", "run_on_latest_version", "prevent_running_task",
    ];

    private static readonly string[] Failed = ["failed", "upstream_failed"];

    public static async Task<IResult> Post(string dag_id, HttpRequest request, Emulation emulation)
    {
        var dagId = PathSegment.Decode(dag_id);
        var (body, problems) = await BodyReader.ReadAsync(request, Fields);
        if (body is null)
        {
            return AirflowResults.Validation(problems);
        }

        var dryRun = body.Bool("dry_run") ?? true;
        var onlyFailed = body.Bool("only_failed") ?? true;
        var onlyRunning = body.Bool("only_running") ?? false;
        foreach (var flag in (string[])["reset_dag_runs", "include_upstream", "include_downstream", "include_future", "include_past", "run_on_latest_version", "prevent_running_task"])
        {
            body.Bool(flag);
        }

        var runId = body.String("dag_run_id");
        body.AwareTime("start_date");
        body.AwareTime("end_date");
        var taskIds = TaskIds(body);
        if (!body.IsValid)
        {
            return AirflowResults.Validation(body.Problems);
        }

        if (emulation.Dags.Find(dagId) is not { } dag)
        {
            return AirflowResults.NotFound($"Dag id {dagId} not found");
        }

        var runs = emulation.Runs.All().Where(r => r.DagId == dagId && (runId is null || r.RunId == runId)).ToList();
        if (runId is not null && runs.Count == 0)
        {
            return AirflowResults.NotFound($"Dag Run id {runId} not found in dag {dagId}");
        }

        var now = emulation.Now;
        var answer = new JsonArray();
        foreach (var run in runs)
        {
            var snapshot = emulation.Snapshot(run, now);
            var chosen = snapshot.TaskInstances
                .Where(ti => !onlyFailed || Failed.Contains(ti.State))
                .Where(ti => !onlyRunning || ti.State == "running")
                .Where(ti => taskIds is null || taskIds.Any(t => t.TaskId == ti.TaskId && (t.MapIndex is null || t.MapIndex == ti.MapIndex)))
                .ToList();
            foreach (var ti in chosen)
            {
                answer.Add(TaskInstanceJson.Instance(dag, run, ti));
            }

            if (!dryRun && chosen.Count > 0)
            {
                emulation.Runs.Update(dagId, run.RunId, current =>
                    RunProgression.Cleared(current, emulation.Snapshot(current, now), chosen, now, emulation.StartFor(dagId, now, now)));
            }
        }

        return AirflowResults.Json(new JsonObject { ["task_instances"] = answer, ["total_entries"] = answer.Count });
    }

    // task_ids: each a task id, or a [task_id, map_index] pair.
    private static List<(string TaskId, int? MapIndex)>? TaskIds(BodyReader body)
    {
        if (!body.Body.TryGetPropertyValue("task_ids", out var node) || node is null)
        {
            return null;
        }

        if (node is not JsonArray items)
        {
            body.Fail(new ValidationProblem("list_type", ["body", "task_ids"], "Input should be a valid list", node.DeepClone()));
            return null;
        }

        var ids = new List<(string, int?)>();
        for (var i = 0; i < items.Count; i++)
        {
            switch (items[i])
            {
                case JsonValue value when value.TryGetValue<string>(out var id):
                    ids.Add((id, null));
                    break;
                case JsonArray { Count: 2 } pair when pair[0] is JsonValue a && a.TryGetValue<string>(out var id) && pair[1] is JsonValue b && b.TryGetValue<int>(out var index):
                    ids.Add((id, index));
                    break;
                default:
                    body.Fail(new ValidationProblem("string_type", ["body", "task_ids", i.ToString(System.Globalization.CultureInfo.InvariantCulture), "str"], "Input should be a valid string", items[i]?.DeepClone()));
                    break;
            }
        }

        return ids;
    }
}
