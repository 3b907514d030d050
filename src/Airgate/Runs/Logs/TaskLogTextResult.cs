using System.Text;
using Airgate.Airflow.Models;

namespace Airgate.Runs.Logs;

/// <summary>
/// A whole log as <c>text/plain</c>, one line per entry, passed on as Airflow sends it: never held whole, and flushed
/// whenever Airflow's side has nothing ready, so a reader sees each part as soon as it exists.
/// </summary>
internal sealed partial class TaskLogTextResult(AirflowLogReader log, ILogger logger) : IResult
{
    private const int FlushBytes = 32 * 1024;

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        var response = httpContext.Response;
        var aborted = httpContext.RequestAborted;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "text/plain; charset=utf-8";
        response.Headers.CacheControl = "no-cache";
        response.Headers["X-Accel-Buffering"] = "no";
        await using (log)
        {
            var pending = 0;
            try
            {
                await using var entries = log.ReadEntriesAsync(aborted).GetAsyncEnumerator(aborted);
                while (true)
                {
                    var next = entries.MoveNextAsync();
                    if (!next.IsCompleted && pending > 0)
                    {
                        // Airflow's side is waiting for more: send what we have rather than sit on it.
                        await response.Body.FlushAsync(aborted);
                        pending = 0;
                    }

                    if (!await next)
                    {
                        break;
                    }

                    var bytes = Encoding.UTF8.GetBytes(LogText.Line(entries.Current) + "\n");
                    await response.Body.WriteAsync(bytes, aborted);
                    pending += bytes.Length;
                    if (pending >= FlushBytes)
                    {
                        await response.Body.FlushAsync(aborted);
                        pending = 0;
                    }
                }
            }
            catch (Exception exception) when (exception is IOException or HttpRequestException && !aborted.IsCancellationRequested)
            {
                // The status is sent; the only honest signal left is a cut connection, so the client sees the log is incomplete.
                LogCut(logger, exception.GetType().Name);
                httpContext.Abort();
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A task log streamed from Airflow broke off ({Error}); the client's connection was closed.")]
    private static partial void LogCut(ILogger logger, string error);
}
