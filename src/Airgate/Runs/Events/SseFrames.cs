using System.Text;
using System.Text.Json;
using Airgate.Airflow;
using Airgate.Problems;

namespace Airgate.Runs.Events;

/// <summary>
/// Server-Sent Events framing. Frames are built once per change as text and shared by every stream that sends them,
/// so a hundred watchers of one run cost one serialization.
/// </summary>
internal static class SseFrames
{
    public const string ContentType = "text/event-stream";

    public const string KeepAlive = ": keep-alive\n\n";

    /// <summary>One event; <paramref name="payload"/> is written as one line of JSON (the serializer never writes a raw newline).</summary>
    public static string Event(long id, string name, object payload, JsonSerializerOptions json)
    {
        var data = JsonSerializer.Serialize(payload, payload.GetType(), json);
        return new StringBuilder(data.Length + name.Length + 40)
            .Append("id: ").Append(id).Append('\n')
            .Append("event: ").Append(name).Append('\n')
            .Append("data: ").Append(data).Append("\n\n")
            .ToString();
    }

    /// <summary>An Airflow failure as the problem a request would have got, for the <c>error</c> event.</summary>
    public static RunEventError Error(AirflowFailure failure, string notFoundDetail)
    {
        var problem = failure.ToProblem(notFoundDetail).ProblemDetails;
        return new RunEventError(
            problem.Type ?? ProblemTypes.AirflowBadGateway,
            problem.Title ?? "Airflow failed",
            problem.Status ?? StatusCodes.Status502BadGateway,
            problem.Detail ?? "Airflow failed to answer.");
    }

    /// <summary>Answers 200 with the stream's headers and sends them at once, so the client knows the stream is open.</summary>
    public static async Task BeginAsync(HttpResponse response, CancellationToken cancellationToken)
    {
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = ContentType;
        response.Headers.CacheControl = "no-cache";
        response.Headers["X-Accel-Buffering"] = "no";
        response.HttpContext.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpResponseBodyFeature>()?.DisableBuffering();
        await response.StartAsync(cancellationToken);
        await response.Body.FlushAsync(cancellationToken);
    }
}
