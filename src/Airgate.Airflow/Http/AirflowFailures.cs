using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Airgate.Airflow.Mwaa;

namespace Airgate.Airflow.Http;

/// <summary>Turns Airflow's answers into <see cref="AirflowFailure"/>s: the one place statuses become error kinds.</summary>
internal static class AirflowFailures
{
    private const int MaxDetailLength = 1000;

    /// <summary>
    /// Null for a 2xx answer; otherwise the failure it stands for. Over MWAA an answer carrying <c>x-amzn-errortype</c>
    /// is MWAA's or AWS's own error (Airflow's answers were unwrapped by the MWAA handler), named by <see cref="MwaaErrors"/>.
    /// </summary>
    public static AirflowFailure? FromResponse(HttpResponseMessage response, ReadOnlySpan<byte> body, DateTimeOffset now, AirflowOptions options)
    {
        var status = (int)response.StatusCode;
        if (options.Transport == AirflowTransport.Mwaa && status is not (>= 200 and < 300)
            && response.Headers.TryGetValues(MwaaEnvelope.ErrorTypeHeader, out var types) && types.FirstOrDefault() is { Length: > 0 } type)
        {
            return MwaaErrors.ToFailure(type, status, MwaaEnvelope.ErrorMessage(body), options.Mwaa.Environment ?? string.Empty, RetryAfter(response.Headers.RetryAfter, now));
        }

        return FromStatus(status, body, response.Headers.RetryAfter, now);
    }

    /// <summary>Null for a 2xx answer; otherwise the failure it stands for, with Airflow's <c>detail</c> as text.</summary>
    public static AirflowFailure? FromStatus(int status, ReadOnlySpan<byte> body, RetryConditionHeaderValue? retryAfterHeader, DateTimeOffset now)
    {
        if (status is >= 200 and < 300)
        {
            return null;
        }

        var detail = Detail(body);
        var retryAfter = RetryAfter(retryAfterHeader, now);
        return status switch
        {
            401 => new AirflowFailure(AirflowError.Unauthorized, status, detail ?? "Airflow refused the credentials."),
            403 when IsBadToken(detail) => new AirflowFailure(AirflowError.Unauthorized, status, detail ?? "Airflow refused the token."),
            403 => new AirflowFailure(AirflowError.Forbidden, status, detail ?? "Airflow forbids this action."),
            404 => new AirflowFailure(AirflowError.NotFound, status, detail ?? "Airflow has no such resource."),
            408 => new AirflowFailure(AirflowError.Timeout, status, detail ?? "Airflow timed out reading the request.", retryAfter),
            409 => new AirflowFailure(AirflowError.Conflict, status, detail ?? "The resource already exists."),
            429 => new AirflowFailure(AirflowError.ServerError, status, detail ?? "Airflow asks us to slow down.", retryAfter),
            >= 500 => new AirflowFailure(AirflowError.ServerError, status, detail ?? $"Airflow answered {status} {ReasonPhrase(status)}.", retryAfter),
            >= 400 => new AirflowFailure(AirflowError.Rejected, status, detail ?? $"Airflow rejected the request ({status} {ReasonPhrase(status)})."),
            _ => new AirflowFailure(AirflowError.InvalidResponse, status, $"Airflow answered an unexpected {status} {ReasonPhrase(status)}."),
        };
    }

    /// <summary>True for the 403 details Airflow gives a token it cannot verify (as opposed to a real permission failure).</summary>
    public static bool IsBadToken(string? detail) =>
        detail is not null && (detail.Contains("Invalid JWT", StringComparison.OrdinalIgnoreCase)
            || detail.Contains("Not authenticated", StringComparison.OrdinalIgnoreCase)
            || detail.Contains("Token Expired", StringComparison.OrdinalIgnoreCase));

    /// <summary>FastAPI's <c>detail</c> (string, object, or a list of <c>{type, loc, msg}</c>) as one readable line; null when the body has none.</summary>
    public static string? Detail(ReadOnlySpan<byte> body)
    {
        if (body.IsEmpty)
        {
            return null;
        }

        try
        {
            var reader = new Utf8JsonReader(body);
            using var document = JsonDocument.ParseValue(ref reader);
            // FastAPI's detail (Airflow 3), or an RFC 7807 problem's (Airflow 2), which may be null or empty.
            if (document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty("detail", out var detail)
                && detail.ValueKind is not (JsonValueKind.Null or JsonValueKind.Undefined) && !(detail.ValueKind == JsonValueKind.String && string.IsNullOrWhiteSpace(detail.GetString())))
            {
                return Shorten(Flatten(detail));
            }

            // An RFC 7807 problem without a detail (Airflow 2's 401 says only "Unauthorized"), or a proxy's JSON.
            if (document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty("title", out var title) && title.ValueKind == JsonValueKind.String)
            {
                return Shorten(title.GetString() ?? string.Empty);
            }

            return null;
        }
        catch (JsonException)
        {
            // Not JSON (an HTML error page from a proxy, say): not something to show a client.
            return null;
        }
    }

    private static string Flatten(JsonElement detail) => detail.ValueKind switch
    {
        JsonValueKind.String => detail.GetString() ?? string.Empty,
        JsonValueKind.Array => string.Join("; ", detail.EnumerateArray().Select(FlattenItem)),
        JsonValueKind.Object => FlattenObject(detail),
        _ => detail.GetRawText(),
    };

    private static string FlattenItem(JsonElement item)
    {
        if (item.ValueKind != JsonValueKind.Object || !item.TryGetProperty("msg", out var msg))
        {
            return Flatten(item);
        }

        var message = msg.ValueKind == JsonValueKind.String ? msg.GetString() : msg.GetRawText();
        if (!item.TryGetProperty("loc", out var loc) || loc.ValueKind != JsonValueKind.Array)
        {
            return message ?? string.Empty;
        }

        var location = string.Join('.', loc.EnumerateArray().Select(p => p.ValueKind == JsonValueKind.String ? p.GetString() : p.GetRawText()));
        return $"{location}: {message}";
    }

    private static string FlattenObject(JsonElement detail)
    {
        // Airflow's 409: {"reason": "Unique constraint violation", "statement": "...", "orig_error": "..."}; the reason is what a person needs.
        if (detail.TryGetProperty("reason", out var reason) && reason.ValueKind == JsonValueKind.String)
        {
            return reason.GetString() ?? string.Empty;
        }

        if (detail.TryGetProperty("message", out var message) && message.ValueKind == JsonValueKind.String)
        {
            return message.GetString() ?? string.Empty;
        }

        return string.Join("; ", detail.EnumerateObject().Select(p => $"{p.Name}: {(p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString() : p.Value.GetRawText())}"));
    }

    private static string Shorten(string text)
    {
        var oneLine = text.ReplaceLineEndings(" ").Trim();
        return oneLine.Length <= MaxDetailLength ? oneLine : string.Concat(oneLine.AsSpan(0, MaxDetailLength), "…");
    }

    private static TimeSpan? RetryAfter(RetryConditionHeaderValue? header, DateTimeOffset now)
    {
        if (header?.Delta is { } delta)
        {
            return delta < TimeSpan.Zero ? TimeSpan.Zero : delta;
        }

        if (header?.Date is { } date)
        {
            var wait = date - now;
            return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
        }

        return null;
    }

    private static string ReasonPhrase(int status)
    {
        var name = ((HttpStatusCode)status).ToString();
        if (int.TryParse(name, out _))
        {
            return string.Empty;
        }

        var text = new StringBuilder();
        foreach (var c in name)
        {
            if (char.IsUpper(c) && text.Length > 0)
            {
                text.Append(' ');
            }

            text.Append(c);
        }

        return text.ToString();
    }
}
