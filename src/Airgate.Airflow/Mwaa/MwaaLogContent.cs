using System.IO.Pipelines;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace Airgate.Airflow.Mwaa;

/// <summary>
/// A task's whole log as the stream Airflow would have sent over HTTP, built from the JSON chunks MWAA can carry: Airflow
/// 3's entries (a <c>content</c> array) as NDJSON lines, Airflow 2's text (a <c>content</c> string) as plain text. Each
/// next chunk is asked for with the last <c>continuation_token</c> only when the reader gets there, so a long log is never
/// held whole; the stream ends when Airflow gives no token, or a chunk with nothing new.
/// </summary>
internal sealed partial class MwaaLogContent : HttpContent
{
    /// <summary>The most chunks one log is read in, so a log that never says it ended cannot be followed forever.</summary>
    public const int MaxChunks = 10_000;

    private readonly byte[] _first;
    private readonly Func<string, CancellationToken, Task<byte[]?>> _next;
    private readonly ILogger _logger;

    public MwaaLogContent(byte[] first, Func<string, CancellationToken, Task<byte[]?>> next, ILogger logger)
    {
        _first = first;
        _next = next;
        _logger = logger;
        Headers.ContentType = new MediaTypeHeaderValue(IsText(first) ? "text/plain" : "application/x-ndjson") { CharSet = "utf-8" };
    }

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) => SerializeToStreamAsync(stream, context, CancellationToken.None);

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
    {
        var page = _first;
        for (var chunk = 0; chunk < MaxChunks; chunk++)
        {
            var (wrote, token) = await WriteChunkAsync(stream, page, cancellationToken);
            if (!wrote || string.IsNullOrEmpty(token))
            {
                return;
            }

            if (await _next(token, cancellationToken) is not { } next)
            {
                LogChunkFailed(_logger, chunk + 1);
                return;
            }

            page = next;
        }
    }

    // HttpContent would buffer the whole log before the first read: hand the reader a pipe the chunks are written into instead.
    protected override Task<Stream> CreateContentReadStreamAsync() => CreateContentReadStreamAsync(CancellationToken.None);

    protected override Task<Stream> CreateContentReadStreamAsync(CancellationToken cancellationToken)
    {
        var pipe = new Pipe();
        _ = Task.Run(async () =>
        {
            Exception? failure = null;
            try
            {
                await SerializeToStreamAsync(pipe.Writer.AsStream(leaveOpen: true), null, cancellationToken);
            }
            catch (Exception e) when (e is OperationCanceledException or IOException or HttpRequestException or JsonException or InvalidOperationException)
            {
                failure = e;
            }

            await pipe.Writer.CompleteAsync(failure);
        }, CancellationToken.None);
        return Task.FromResult(pipe.Reader.AsStream());
    }

    protected override bool TryComputeLength(out long length)
    {
        length = 0;
        return false;
    }

    private static bool IsText(byte[] page)
    {
        using var document = JsonDocument.Parse(page);
        return document.RootElement.TryGetProperty("content", out var content) && content.ValueKind == JsonValueKind.String;
    }

    private static async Task<(bool Wrote, string? Token)> WriteChunkAsync(Stream stream, byte[] page, CancellationToken cancellationToken)
    {
        using var document = JsonDocument.Parse(page);
        var root = document.RootElement;
        var token = root.TryGetProperty("continuation_token", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
        if (!root.TryGetProperty("content", out var content))
        {
            return (false, null);
        }

        var text = new StringBuilder();
        if (content.ValueKind == JsonValueKind.String)
        {
            text.Append(content.GetString());
            if (text.Length > 0 && text[^1] != '\n')
            {
                text.Append('\n');
            }
        }
        else if (content.ValueKind == JsonValueKind.Array)
        {
            foreach (var entry in content.EnumerateArray())
            {
                text.Append(entry.GetRawText()).Append('\n');
            }
        }

        if (text.Length == 0)
        {
            return (false, null);
        }

        await stream.WriteAsync(Encoding.UTF8.GetBytes(text.ToString()), cancellationToken);
        await stream.FlushAsync(cancellationToken);
        return (true, token);
    }

    [LoggerMessage(EventId = 42, Level = LogLevel.Warning, Message = "Reading a task log through Amazon MWAA stopped after {Chunks} chunks: the next chunk failed")]
    private static partial void LogChunkFailed(ILogger logger, int chunks);
}
