using System.Net;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;

namespace Airgate.Tests.Runs.Events;

/// <summary>
/// An open Server-Sent Events response read incrementally in the background, frame by frame, as a browser's EventSource
/// would. Waits are bounded by a generous guard so a broken stream fails the test instead of hanging it; no assertion
/// depends on how fast anything is.
/// </summary>
internal sealed class SseStream : IAsyncDisposable
{
    public static readonly TimeSpan Guard = TimeSpan.FromSeconds(20);

    private readonly Channel<SseEvent> _events = Channel.CreateUnbounded<SseEvent>();
    private readonly List<SseEvent> _received = [];
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _reading;

    private SseStream(HttpResponseMessage response, Stream body)
    {
        Response = response;
        _reading = Task.Run(() => ReadAsync(body));
    }

    public HttpResponseMessage Response { get; }

    /// <summary>True once the server closed the stream (and every frame before it was received).</summary>
    public bool Closed { get; private set; }

    public IReadOnlyList<SseEvent> Received
    {
        get
        {
            lock (_received)
            {
                return [.. _received];
            }
        }
    }

    public static async Task<SseStream> OpenAsync(HttpClient client, string path, string? lastEventId = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Accept.ParseAdd("text/event-stream");
        if (lastEventId is not null)
        {
            request.Headers.TryAddWithoutValidation("Last-Event-ID", lastEventId);
        }

        using var guard = new CancellationTokenSource(Guard);
        var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, guard.Token);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await DescribeAsync(response));
        response.Content.Headers.ContentType?.MediaType.ShouldBe("text/event-stream");
        return new SseStream(response, await response.Content.ReadAsStreamAsync(guard.Token));
    }

    /// <summary>The next event or comment; null when the server closed the stream.</summary>
    public async Task<SseEvent?> NextAsync()
    {
        using var guard = new CancellationTokenSource(Guard);
        try
        {
            return await _events.Reader.WaitToReadAsync(guard.Token) && _events.Reader.TryRead(out var next) ? next : null;
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"No event within {Guard.TotalSeconds} s; received so far: {string.Join(", ", Received.Select(e => e.Name))}");
        }
    }

    /// <summary>The next event that is not a comment; null when the stream closed.</summary>
    public async Task<SseEvent?> NextEventAsync()
    {
        while (await NextAsync() is { } next)
        {
            if (next.Name != SseEvent.Comment)
            {
                return next;
            }
        }

        return null;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        Response.Dispose();
        try
        {
            await _reading;
        }
        catch (Exception exception) when (exception is OperationCanceledException or IOException or ObjectDisposedException or HttpRequestException or InvalidOperationException)
        {
            // The test closed it.
        }

        _stop.Dispose();
    }

    private async Task ReadAsync(Stream body)
    {
        using var reader = new StreamReader(body, Encoding.UTF8);
        string? id = null, name = null;
        var data = new StringBuilder();
        string? comment = null;
        try
        {
            while (await reader.ReadLineAsync(_stop.Token) is { } line)
            {
                if (line.Length == 0)
                {
                    if (comment is not null || name is not null || data.Length > 0)
                    {
                        Add(comment is not null ? new SseEvent(null, SseEvent.Comment, comment) : new SseEvent(id, name ?? "message", data.ToString()));
                    }

                    (id, name, comment) = (null, null, null);
                    data.Clear();
                    continue;
                }

                if (line.StartsWith(':'))
                {
                    comment = line[1..].Trim();
                }
                else if (line.StartsWith("id: ", StringComparison.Ordinal))
                {
                    id = line[4..];
                }
                else if (line.StartsWith("event: ", StringComparison.Ordinal))
                {
                    name = line[7..];
                }
                else if (line.StartsWith("data: ", StringComparison.Ordinal))
                {
                    data.Append(line[6..]);
                }
                else
                {
                    throw new InvalidDataException($"Not an SSE line: {line}");
                }
            }

            Closed = true;
        }
        finally
        {
            _events.Writer.TryComplete();
        }
    }

    private void Add(SseEvent sseEvent)
    {
        lock (_received)
        {
            _received.Add(sseEvent);
        }

        _events.Writer.TryWrite(sseEvent);
    }

    private static async Task<string> DescribeAsync(HttpResponseMessage response) =>
        response.StatusCode == HttpStatusCode.OK ? "" : await response.Content.ReadAsStringAsync();
}
