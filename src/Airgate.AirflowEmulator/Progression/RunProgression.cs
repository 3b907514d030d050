using Airgate.AirflowEmulator.DagRuns;
using Airgate.AirflowEmulator.Dags;

namespace Airgate.AirflowEmulator.Progression;

/// <summary>
/// Computes a run's state at an instant, without timers: the run leaves the queue at <see cref="DagRunRecord.StartsAt"/>;
/// a task is ready once all its upstream tasks succeeded, then is <c>scheduled</c> and <c>queued</c> for
/// <see cref="EmulatorOptions.QueueDelay"/> and <c>running</c> for <see cref="EmulatorOptions.TaskDuration"/>.
/// A failure (injected) makes every downstream task <c>upstream_failed</c>; the run ends when every task has.
/// </summary>
internal sealed class RunProgression(EmulatorOptions options, EmulatorFaults faults)
{
    private enum Outcome
    {
        Success,
        Failed,
        UpstreamFailed,
    }

    public RunSnapshot Evaluate(DagDefinition dag, DagRunRecord run, DateTimeOffset now)
    {
        if (run.Frozen is { } frozen)
        {
            return frozen;
        }

        if (run.StartsAt is not { } startsAt || now < startsAt)
        {
            var waiting = dag.Tasks.SelectMany((t, order) => Instances(t).Select(i =>
                run.Kept?.GetValueOrDefault((t.TaskId, i))
                ?? new TaskInstanceSnapshot(t.TaskId, i, order, null, null, null, null, null, run.TriesBefore(t.TaskId, i), null))).ToList();
            return new RunSnapshot("queued", null, null, run.QueuedAt, waiting);
        }

        var plan = Plan(dag, run, startsAt);
        var instances = new List<TaskInstanceSnapshot>();
        for (var order = 0; order < dag.Tasks.Count; order++)
        {
            var task = dag.Tasks[order];
            instances.AddRange(Instances(task).Select(i =>
                run.Kept?.GetValueOrDefault((task.TaskId, i)) ?? Render(task, i, order, plan[task.TaskId], now, run.TriesBefore(task.TaskId, i))));
        }

        var updated = new[] { run.QueuedAt, startsAt }.Concat(instances.Select(i => i.UpdatedAt ?? startsAt)).Max();
        if (instances.TrueForAll(i => i.IsFinished))
        {
            var end = instances.Max(i => i.EndDate ?? startsAt);
            var failed = instances.Exists(i => i.State is "failed" or "upstream_failed");
            return new RunSnapshot(failed ? "failed" : "success", startsAt, end, end > updated ? end : updated, instances);
        }

        return new RunSnapshot("running", startsAt, null, updated, instances);
    }

    /// <summary>The state a run is left in when a user sets it (PATCH): finished task instances keep theirs.</summary>
    public static RunSnapshot MarkedAs(RunSnapshot current, string state, DateTimeOffset at)
    {
        var instances = current.TaskInstances.Select(ti => ti.IsFinished ? ti : state switch
        {
            "success" => ti with { State = "success", StartDate = ti.StartDate ?? at, EndDate = at, TryNumber = Math.Max(ti.TryNumber, 1), UpdatedAt = at },
            _ when ti.State == "running" => ti with { State = "failed", EndDate = at, UpdatedAt = at },
            _ => ti with { State = "skipped", StartDate = ti.StartDate ?? at, EndDate = at, UpdatedAt = at },
        }).ToList();
        return new RunSnapshot(state, current.StartDate ?? at, at, at, instances);
    }

    /// <summary>
    /// Airflow's clear (<c>reset_dag_runs</c>): the chosen task instances lose their state and run again, with the next
    /// try number, once the run leaves the queue again; the others keep theirs. Returns the run to store.
    /// </summary>
    public static DagRunRecord Cleared(DagRunRecord run, RunSnapshot current, IReadOnlyCollection<TaskInstanceSnapshot> cleared, DateTimeOffset now, DateTimeOffset? startsAt)
    {
        var keys = cleared.Select(t => (t.TaskId, t.MapIndex)).ToHashSet();
        return run with
        {
            Frozen = null,
            QueuedAt = now,
            StartsAt = startsAt,
            Kept = current.TaskInstances.Where(t => !keys.Contains((t.TaskId, t.MapIndex))).ToDictionary(t => (t.TaskId, t.MapIndex)),
            PastTries = [.. run.PastTries, .. cleared.Where(t => t.TryNumber > 0 && t.StartDate is not null)],
        };
    }

    private static IEnumerable<int> Instances(TaskDefinition task) =>
        task.MapCount is { } count ? Enumerable.Range(0, count) : [-1];

    private Dictionary<string, (DateTimeOffset? ReadyAt, DateTimeOffset EndsAt, Outcome Outcome)> Plan(DagDefinition dag, DagRunRecord run, DateTimeOffset startsAt)
    {
        var dagId = run.DagId;
        var plan = new Dictionary<string, (DateTimeOffset? ReadyAt, DateTimeOffset EndsAt, Outcome Outcome)>(StringComparer.Ordinal);
        foreach (var task in dag.Tasks)
        {
            // A task a clear left alone counts as done when the run restarts, so what it feeds runs again at once.
            if (run.Kept is { } kept && Instances(task).All(i => kept.ContainsKey((task.TaskId, i))))
            {
                var failed = Instances(task).Any(i => kept[(task.TaskId, i)].State is "failed" or "upstream_failed");
                plan[task.TaskId] = (startsAt, startsAt, failed ? Outcome.Failed : Outcome.Success);
                continue;
            }

            var upstream = dag.UpstreamOf(task).Select(u => plan[u.TaskId]).ToList();
            var broken = upstream.Where(u => u.Outcome != Outcome.Success).ToList();
            if (broken.Count > 0)
            {
                plan[task.TaskId] = (null, broken.Min(u => u.EndsAt), Outcome.UpstreamFailed);
                continue;
            }

            var ready = upstream.Count == 0 ? startsAt : upstream.Max(u => u.EndsAt);
            var ends = ready + options.QueueDelay + options.TaskDuration;
            plan[task.TaskId] = (ready, ends, faults.FailsAt(dagId, task.TaskId, ends) ? Outcome.Failed : Outcome.Success);
        }

        return plan;
    }

    private TaskInstanceSnapshot Render(TaskDefinition task, int mapIndex, int order, (DateTimeOffset? ReadyAt, DateTimeOffset EndsAt, Outcome Outcome) plan, DateTimeOffset now, int triesBefore)
    {
        var none = new TaskInstanceSnapshot(task.TaskId, mapIndex, order, null, null, null, null, null, triesBefore, null);
        if (plan.ReadyAt is not { } ready)
        {
            return now < plan.EndsAt
                ? none
                : none with { State = "upstream_failed", StartDate = plan.EndsAt, EndDate = plan.EndsAt, UpdatedAt = plan.EndsAt };
        }

        if (now < ready)
        {
            return none;
        }

        var queued = ready + (options.QueueDelay / 2);
        var running = ready + options.QueueDelay;
        var ti = none with { State = "scheduled", ScheduledWhen = ready, TryNumber = triesBefore + 1, UpdatedAt = ready };
        if (now >= queued)
        {
            ti = ti with { State = "queued", QueuedWhen = queued, UpdatedAt = queued };
        }

        if (now >= running)
        {
            ti = ti with { State = "running", StartDate = running, UpdatedAt = running };
        }

        if (now >= plan.EndsAt)
        {
            ti = ti with { State = plan.Outcome == Outcome.Failed ? "failed" : "success", EndDate = plan.EndsAt, UpdatedAt = plan.EndsAt };
        }

        return ti;
    }
}
