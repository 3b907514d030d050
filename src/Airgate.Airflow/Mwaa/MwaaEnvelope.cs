using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Airgate.Airflow.Mwaa;

/// <summary>
/// MWAA's <c>InvokeRestApi</c> wire shapes (<c>shared/airflow/MWAA.md</c>): an Airflow request as
/// <c>{Method, Path, QueryParameters, Body}</c>, and an answer <c>{RestApiStatusCode, RestApiResponse}</c> back into
/// Airflow's own status and JSON body.
/// </summary>
internal static class MwaaEnvelope
{
    /// <summary>The header MWAA (like every AWS JSON API) names its error type in; the part before a <c>:</c> counts.</summary>
    public const string ErrorTypeHeader = "x-amzn-errortype";

    /// <summary>Airflow answered 4xx (<see cref="ErrorTypeHeader"/> on MWAA's HTTP 400).</summary>
    public const string RestApiClientException = "RestApiClientException";

    /// <summary>Airflow answered 5xx (<see cref="ErrorTypeHeader"/> on MWAA's HTTP 400).</summary>
    public const string RestApiServerException = "RestApiServerException";

    /// <summary>The Airflow path without its <c>/api/vN</c> prefix (MWAA adds the one of the environment's Airflow).</summary>
    public static string AirflowPath(Uri uri)
    {
        var path = uri.AbsolutePath;
        foreach (var prefix in (ReadOnlySpan<string>)["/api/v2/", "/api/v1/"])
        {
            if (path.StartsWith(prefix, StringComparison.Ordinal))
            {
                return path[(prefix.Length - 1)..];
            }
        }

        return path;
    }

    /// <summary>The query as a JSON object of strings; a repeated key (<c>state=a&amp;state=b</c>) becomes an array.</summary>
    public static JsonObject? QueryParameters(Uri uri, IEnumerable<KeyValuePair<string, string>>? replace = null)
    {
        var values = new List<KeyValuePair<string, string>>();
        foreach (var pair in uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = pair.Split('=', 2);
            values.Add(new(Uri.UnescapeDataString(parts[0]), Uri.UnescapeDataString(parts.Length > 1 ? parts[1] : string.Empty)));
        }

        if (replace is not null)
        {
            foreach (var (key, value) in replace)
            {
                values.RemoveAll(v => v.Key == key);
                values.Add(new(key, value));
            }
        }

        if (values.Count == 0)
        {
            return null;
        }

        var query = new JsonObject();
        foreach (var group in values.GroupBy(v => v.Key, StringComparer.Ordinal))
        {
            var items = group.Select(v => v.Value).ToList();
            query[group.Key] = items.Count == 1 ? JsonValue.Create(items[0]) : new JsonArray([.. items.Select(i => (JsonNode?)JsonValue.Create(i))]);
        }

        return query;
    }

    /// <summary>The <c>InvokeRestApi</c> request body.</summary>
    public static byte[] Request(string method, string path, JsonObject? query, ReadOnlySpan<byte> body)
    {
        var envelope = new JsonObject { ["Method"] = method, ["Path"] = path };
        if (query is not null)
        {
            envelope["QueryParameters"] = query;
        }

        if (!body.IsEmpty)
        {
            envelope["Body"] = JsonNode.Parse(body);
        }

        return Encoding.UTF8.GetBytes(envelope.ToJsonString());
    }

    /// <summary>The AWS error type of an answer (header, else the body's <c>__type</c> or <c>code</c>), or null.</summary>
    public static string? ErrorType(HttpResponseMessage response, ReadOnlySpan<byte> body)
    {
        if (response.Headers.TryGetValues(ErrorTypeHeader, out var values) && values.FirstOrDefault() is { Length: > 0 } header)
        {
            return header.Split(':', 2)[0].Trim();
        }

        if (Read(body) is JsonObject json && (json["__type"] ?? json["code"]) is JsonValue type && type.TryGetValue<string>(out var text))
        {
            // "__type" may be namespaced: "com.amazonaws.airflow#AccessDeniedException".
            return text.Split('#')[^1].Split(':', 2)[0].Trim();
        }

        return null;
    }

    /// <summary>AWS's <c>message</c> (or <c>Message</c>) of an error answer, for the log only.</summary>
    public static string? ErrorMessage(ReadOnlySpan<byte> body) =>
        Read(body) is JsonObject json && (json["message"] ?? json["Message"]) is JsonValue message && message.TryGetValue<string>(out var text) ? text : null;

    /// <summary>
    /// Airflow's answer carried in an <c>InvokeRestApi</c> answer, as Airflow would have sent it; null when the body
    /// is not such an envelope.
    /// </summary>
    public static HttpResponseMessage? Unwrap(ReadOnlySpan<byte> body, HttpRequestMessage request)
    {
        if (Read(body) is not JsonObject json || json["RestApiStatusCode"] is not JsonValue statusValue || !statusValue.TryGetValue<int>(out var status) || status is < 100 or > 599)
        {
            return null;
        }

        var inner = json["RestApiResponse"];
        var content = new ByteArrayContent(inner is null ? [] : Encoding.UTF8.GetBytes(inner.ToJsonString()));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        return new HttpResponseMessage((System.Net.HttpStatusCode)status) { Content = content, RequestMessage = request };
    }

    private static JsonNode? Read(ReadOnlySpan<byte> body)
    {
        if (body.IsEmpty)
        {
            return null;
        }

        try
        {
            var reader = new Utf8JsonReader(body);
            return JsonNode.Parse(ref reader);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
