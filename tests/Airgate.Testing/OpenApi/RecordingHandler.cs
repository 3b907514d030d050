using System.Collections.Concurrent;

namespace Airgate.Testing.OpenApi;

/// <summary>Records every request that passes through (method, URI, body text, headers) before handing it on, and the answer it gets.</summary>
public sealed class RecordingHandler : DelegatingHandler
{
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();
    private readonly ConcurrentQueue<RecordedExchange> _exchanges = new();

    /// <summary>Creates a recorder; set <see cref="DelegatingHandler.InnerHandler"/> or let an HttpClientFactory chain it.</summary>
    public RecordingHandler()
    {
    }

    /// <summary>Creates a recorder in front of <paramref name="innerHandler"/>.</summary>
    public RecordingHandler(HttpMessageHandler innerHandler)
        : base(innerHandler)
    {
    }

    /// <summary>Every request seen so far, in order.</summary>
    public IReadOnlyList<RecordedRequest> Requests => [.. _requests];

    /// <summary>Every request that got an answer, with the answer's status and body (buffered), in order of answering.</summary>
    public IReadOnlyList<RecordedExchange> Exchanges => [.. _exchanges];

    /// <summary>Requests whose path contains <paramref name="fragment"/>, e.g. <c>/api/v2/</c>.</summary>
    public IReadOnlyList<RecordedRequest> RequestsTo(string fragment) =>
        [.. _requests.Where(r => r.Uri.AbsolutePath.Contains(fragment, StringComparison.Ordinal))];

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        string? body = null;
        if (request.Content is not null)
        {
            // Reading buffers the content, so the inner handler can still read it.
            body = await request.Content.ReadAsStringAsync(cancellationToken);
        }

        var headers = request.Headers
            .Concat(request.Content?.Headers ?? Enumerable.Empty<KeyValuePair<string, IEnumerable<string>>>())
            .ToDictionary(h => h.Key, h => string.Join(", ", h.Value), StringComparer.OrdinalIgnoreCase);
        var uri = request.RequestUri ?? throw new InvalidOperationException("A request without a URI reached the recorder.");
        var recorded = new RecordedRequest(request.Method, uri, body, headers);
        _requests.Enqueue(recorded);
        var response = await base.SendAsync(request, cancellationToken);

        // Buffered, so the caller can still read the body after us.
        await response.Content.LoadIntoBufferAsync(cancellationToken);
        var responseBody = await response.Content.ReadAsStringAsync(cancellationToken);
        _exchanges.Enqueue(new RecordedExchange(recorded, (int)response.StatusCode, responseBody.Length == 0 ? null : responseBody, response.Content.Headers.ContentType?.MediaType));
        return response;
    }
}
