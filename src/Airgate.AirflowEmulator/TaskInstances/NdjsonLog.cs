using System.Text;
using System.Text.Json.Nodes;

namespace Airgate.AirflowEmulator.TaskInstances;

/// <summary>
/// A log streamed as <c>application/x-ndjson</c>, one entry per line, written as it goes (never built whole); a
/// test's hold stops it part-way, flushed, until released.
/// </summary>
internal sealed class NdjsonLog(IReadOnlyList<JsonNode?> lines, (int AfterLines, TaskCompletionSource Release)? hold) : IResult
{
    public async Task ExecuteAsync(HttpContext httpContext)
    {
        var response = httpContext.Response;
        var aborted = httpContext.RequestAborted;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "application/x-ndjson";
        for (var i = 0; i < lines.Count; i++)
        {
            if (hold is { } h && i == h.AfterLines)
            {
                await response.Body.FlushAsync(aborted);
                await h.Release.Task.WaitAsync(aborted);
            }

            await response.Body.WriteAsync(Encoding.UTF8.GetBytes((lines[i]?.ToJsonString() ?? "null") + "\n"), aborted);
        }
    }
}
