using Airgate.Airflow.Models;
using Airgate.Runs.Events;

namespace Airgate.Runs.Logs;

/// <summary>
/// A followed log as Server-Sent Events: <c>log</c> events with the entries written since the last one, until the
/// log has ended (Airflow gives no more token) and the task instance is finished, then <c>end</c> with its state.
/// When Airflow fails mid-stream an <c>error</c> event says so and the stream keeps trying; it never turns into a 500.
/// The polling is the try's shared <see cref="TaskLogFollow"/>: this stream joins it, is given the log from its start,
/// then every new frame, and leaves it when the client goes. A try of 0 is a task that has not started: the stream
/// says it waits (a comment) until its first try begins, then follows that try's log from its start.
/// </summary>
internal sealed class TaskLogFollowResult(
    TaskLogFollowers followers, TaskLogQuery start, AirflowTaskLog? first, LogsOptions options, TimeProvider time, IDisposable? lease = null) : IResult
{
    public async Task ExecuteAsync(HttpContext httpContext)
    {
        using (lease)
        {
            var aborted = httpContext.RequestAborted;
            var follower = new EventSubscriber();
            var follow = followers.Join(start, first, follower);
            try
            {
                await SseFrames.BeginAsync(httpContext.Response, aborted);
                await EventStreamPump.RunAsync(httpContext.Response, follower.Reader, options.KeepAliveInterval, time, aborted);
            }
            catch (Exception exception) when (aborted.IsCancellationRequested && exception is OperationCanceledException or IOException)
            {
                // The client left.
            }
            finally
            {
                followers.Leave(follow, follower);
            }
        }
    }
}
