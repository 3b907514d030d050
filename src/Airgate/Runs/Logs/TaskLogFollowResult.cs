using System.Text;
using System.Text.Json;
using Airgate.Airflow;
using Airgate.Airflow.Models;
using Airgate.Problems;

namespace Airgate.Runs.Logs;

/// <summary>
/// A followed log as Server-Sent Events: <c>log</c> events with the entries written since the last one, until the
/// log has ended (Airflow gives no more token) and the task instance is finished, then <c>end</c> with its state.
/// When Airflow fails mid-stream an <c>error</c> event says so and the stream keeps trying; it never turns into a 500.
/// Without a first chunk (<paramref name="first"/> null) the task instance has not started: the stream says it waits
/// (a comment), polls the instance until its first try begins, then follows that try's log from its start.
/// </summary>
internal sealed class TaskLogFollowResult(
    IAirflowClient airflow, TaskLogQuery start, AirflowTaskLog? first, LogsOptions options, TimeProvider time, JsonSerializerOptions json, IDisposable? lease = null) : IResult
{
    public async Task ExecuteAsync(HttpContext httpContext)
    {
        using (lease)
        {
            await FollowAsync(httpContext);
        }
    }

    private async Task FollowAsync(HttpContext httpContext)
    {
        var response = httpContext.Response;
        var aborted = httpContext.RequestAborted;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "text/event-stream";
        response.Headers.CacheControl = "no-cache";
        response.Headers["X-Accel-Buffering"] = "no";
        await response.Body.FlushAsync(aborted);

        var query = start;
        var quietSince = time.GetTimestamp();
        var pending = first;
        try
        {
            if (pending is null)
            {
                query = await WaitForFirstTryAsync(response, query, aborted);
            }

            while (!aborted.IsCancellationRequested)
            {
                // The state first: a log read after it can only hold more, never miss the last lines. The first chunk was
                // read by the handler (so a missing log is a 404 before the stream starts); later ones are read here.
                var state = await StateAsync(query, aborted);
                AirflowResult<AirflowTaskLog> chunk = pending is { } firstChunk ? firstChunk : await airflow.GetTaskLogAsync(query, aborted);
                pending = null;
                if (!chunk.IsSuccess)
                {
                    await WriteAsync(response, "error", ErrorOf(chunk.Failure), aborted);
                    quietSince = time.GetTimestamp();
                }
                else
                {
                    if (chunk.Value.Content.Count > 0)
                    {
                        await WriteAsync(response, "log", new TaskLogEventData(chunk.Value.Content), aborted);
                        quietSince = time.GetTimestamp();
                    }

                    // No token: Airflow says the log has ended. A finished instance whose log gave nothing new has ended too.
                    if (chunk.Value.ContinuationToken is null || (state is { Finished: true } && chunk.Value.Content.Count == 0))
                    {
                        await WriteAsync(response, "end", new TaskLogEnd(state?.State), aborted);
                        return;
                    }

                    query = query with { ContinuationToken = chunk.Value.ContinuationToken };
                }

                if (time.GetElapsedTime(quietSince) >= options.KeepAliveInterval)
                {
                    await response.Body.WriteAsync(": keep-alive\n\n"u8.ToArray(), aborted);
                    await response.Body.FlushAsync(aborted);
                    quietSince = time.GetTimestamp();
                }

                await Task.Delay(options.FollowInterval, time, aborted);
            }
        }
        catch (OperationCanceledException) when (aborted.IsCancellationRequested)
        {
            // The client left.
        }
    }

    // Polls the task instance until its first try has begun (keep-alive comments meanwhile); Airflow failures are not
    // events here, the stream simply keeps waiting.
    private async Task<TaskLogQuery> WaitForFirstTryAsync(HttpResponse response, TaskLogQuery query, CancellationToken aborted)
    {
        await response.Body.WriteAsync(": waiting for the task instance to start\n\n"u8.ToArray(), aborted);
        await response.Body.FlushAsync(aborted);
        var quietSince = time.GetTimestamp();
        while (true)
        {
            var instances = await airflow.ListAllTaskInstancesAsync(query.DagId, query.DagRunId, query.TaskId, aborted);
            if (instances.IsSuccess && instances.Value.FirstOrDefault(t => t.MapIndex == query.MapIndex) is { TryNumber: > 0 } started)
            {
                return query with { TryNumber = started.TryNumber };
            }

            if (time.GetElapsedTime(quietSince) >= options.KeepAliveInterval)
            {
                await response.Body.WriteAsync(": keep-alive\n\n"u8.ToArray(), aborted);
                await response.Body.FlushAsync(aborted);
                quietSince = time.GetTimestamp();
            }

            await Task.Delay(options.FollowInterval, time, aborted);
        }
    }

    private async Task<(string? State, bool Finished)?> StateAsync(TaskLogQuery query, CancellationToken cancellationToken)
    {
        var instances = await airflow.ListAllTaskInstancesAsync(query.DagId, query.DagRunId, query.TaskId, cancellationToken);
        if (!instances.IsSuccess || instances.Value.FirstOrDefault(t => t.MapIndex == query.MapIndex) is not { } instance)
        {
            return null;
        }

        // An earlier try than the latest has ended whatever the instance does now.
        var finished = instance.TryNumber > query.TryNumber || RunLogs.IsFinished(instance.State);
        return (instance.State, finished);
    }

    private static object ErrorOf(AirflowFailure failure)
    {
        var problem = failure.ToProblem("The task's log is not there (any more).").ProblemDetails;
        return new { type = problem.Type, title = problem.Title, status = problem.Status, detail = problem.Detail };
    }

    private async Task WriteAsync(HttpResponse response, string name, object data, CancellationToken cancellationToken)
    {
        var text = $"event: {name}\ndata: {JsonSerializer.Serialize(data, json)}\n\n";
        await response.Body.WriteAsync(Encoding.UTF8.GetBytes(text), cancellationToken);
        await response.Body.FlushAsync(cancellationToken);
    }
}
