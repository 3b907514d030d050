using Airgate.Airflow;
using Airgate.Airflow.Models;
using Airgate.Auth;
using Airgate.Problems;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace Airgate.Runs.Logs;

/// <summary>
/// <c>GET /workflows/{dag_id}/runs/{dag_run_id}/tasks/{task_id}/logs</c>: one try of one task instance's log, as JSON
/// chunks with Airflow's continuation token, as streamed text (<c>Accept: text/plain</c>), or followed as Server-Sent
/// Events (<c>follow=true</c>). Visible exactly when the run is.
/// </summary>
internal static class RunLogs
{
    private static readonly string[] Finished = ["success", "failed", "skipped", "upstream_failed", "removed"];

    public static bool IsFinished(string? state) => state is not null && Finished.Contains(state, StringComparer.Ordinal);

    internal static async Task<IResult> GetTaskLog(
        [FromRoute(Name = "dag_id")] string dagId,
        [FromRoute(Name = "dag_run_id")] string dagRunId,
        [FromRoute(Name = "task_id")] string taskId,
        GetTaskLogQuery query,
        HttpRequest request,
        AirgateUser user,
        RunLookup lookup,
        IAirflowClient airflow,
        IOptions<LogsOptions> options,
        TimeProvider time,
        ILoggerFactory loggers,
        Events.StreamLimits limits,
        TaskLogFollowers followers,
        CancellationToken cancellationToken)
    {
        if (RunDetail.CheckIds(dagId, dagRunId, taskId, query.Errors) is { } invalid)
        {
            return invalid;
        }

        if (!query.Follow)
        {
            return await ReadAsync(dagId, dagRunId, taskId, query, request, user, lookup, airflow, options, time, loggers, followers, null, cancellationToken);
        }

        // A followed log is a stream like run events: it counts against the same per-user and per-process limits.
        var (lease, refusal) = limits.TryOpen(user.Id, "log");
        if (lease is null)
        {
            return Events.RunEventsEndpoints.Refused(request.HttpContext.Response, refusal);
        }

        try
        {
            var result = await ReadAsync(dagId, dagRunId, taskId, query, request, user, lookup, airflow, options, time, loggers, followers, lease, cancellationToken);
            if (result is TaskLogFollowResult)
            {
                lease = null; // the stream holds it until it closes
            }

            return result;
        }
        finally
        {
            lease?.Dispose();
        }
    }

    private static async Task<IResult> ReadAsync(
        string dagId,
        string dagRunId,
        string taskId,
        GetTaskLogQuery query,
        HttpRequest request,
        AirgateUser user,
        RunLookup lookup,
        IAirflowClient airflow,
        IOptions<LogsOptions> options,
        TimeProvider time,
        ILoggerFactory loggers,
        TaskLogFollowers followers,
        IDisposable? lease,
        CancellationToken cancellationToken)
    {
        var (_, _, problem) = await lookup.FindAsync(user, dagId, dagRunId, fresh: false, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        var missing = $"Run '{dagRunId}' of workflow '{dagId}' has no log for task '{taskId}' (map index {query.MapIndex}, try {query.TryNumber?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "latest"}).";
        var tryNumber = query.TryNumber;
        if (tryNumber is null)
        {
            // The latest try is the task instance's; one that has not run yet has no log.
            var instances = await airflow.ListAllTaskInstancesAsync(dagId, dagRunId, taskId, cancellationToken);
            if (!instances.IsSuccess)
            {
                return instances.Failure.ToProblem(missing);
            }

            var instance = instances.Value.FirstOrDefault(t => t.MapIndex == query.MapIndex);
            if (instance is { TryNumber: 0 } && query.Follow && query.ContinuationToken is null)
            {
                // The task exists but has not started: a follower waits for its first try rather than being told 404.
                var waiting = new TaskLogQuery { DagId = dagId, DagRunId = dagRunId, TaskId = taskId, TryNumber = 0, MapIndex = query.MapIndex };
                return new TaskLogFollowResult(followers, waiting, null, options.Value, time, lease);
            }

            if (instance is not { TryNumber: > 0 })
            {
                return Problem.NotFound(missing);
            }

            tryNumber = instance.TryNumber;
        }

        var logQuery = new TaskLogQuery
        {
            DagId = dagId,
            DagRunId = dagRunId,
            TaskId = taskId,
            TryNumber = tryNumber.Value,
            MapIndex = query.MapIndex,
            ContinuationToken = query.ContinuationToken,
        };

        if (!query.Follow && WantsText(request))
        {
            var opened = await airflow.OpenTaskLogAsync(logQuery, cancellationToken);
            return opened.IsSuccess
                ? new TaskLogTextResult(opened.Value, loggers.CreateLogger(typeof(RunLogs)))
                : opened.Failure.ToProblem(missing);
        }

        if (query.Follow && logQuery.ContinuationToken is null && followers.HoldsTheWholeLog(logQuery))
        {
            // The try's shared poller has read the log from its start: this follower is given that, and Airflow is not asked.
            return new TaskLogFollowResult(followers, logQuery, null, options.Value, time, lease);
        }

        var chunk = await airflow.GetTaskLogAsync(logQuery, cancellationToken);
        if (!chunk.IsSuccess)
        {
            return chunk.Failure.ToProblem(missing);
        }

        return query.Follow
            ? new TaskLogFollowResult(followers, logQuery, chunk.Value, options.Value, time, lease)
            : TypedResults.Ok(new TaskLogResponse(chunk.Value.Content, chunk.Value.ContinuationToken));
    }

    // text/plain when the client asks for it and does not prefer JSON (which stays the default, also for */*).
    private static bool WantsText(HttpRequest request)
    {
        if (!MediaTypeHeaderValue.TryParseList(request.Headers.Accept, out var accepted) || accepted.Count == 0)
        {
            return false;
        }

        double Quality(string type) => accepted.Where(a => a.MediaType.Equals(type, StringComparison.OrdinalIgnoreCase))
            .Select(a => a.Quality ?? 1).DefaultIfEmpty(0).Max();
        var text = Quality("text/plain");
        return text > 0 && text >= Quality("application/json");
    }
}
