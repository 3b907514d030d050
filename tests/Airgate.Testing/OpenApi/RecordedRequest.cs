namespace Airgate.Testing.OpenApi;

/// <summary>One request as it left the client.</summary>
/// <param name="Method">The HTTP method.</param>
/// <param name="Uri">The request URI, exactly as sent (escaping preserved).</param>
/// <param name="Body">The body text, or null when there was none.</param>
/// <param name="Headers">Request and content headers, values joined by <c>, </c>.</param>
public sealed record RecordedRequest(HttpMethod Method, Uri Uri, string? Body, IReadOnlyDictionary<string, string> Headers)
{
    /// <summary>The escaped path and query as they appear on the request line.</summary>
    public string PathAndQuery => Uri.PathAndQuery;

    /// <summary>The escaped path, without the query.</summary>
    public string Path => Uri.AbsolutePath;
}
