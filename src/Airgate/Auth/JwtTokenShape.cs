using System.Buffers.Text;
using System.Text.Json;

namespace Airgate.Auth;

/// <summary>
/// What IdentityModel does not refuse by itself, checked before it sees the token: at most 8 KB, a compact JWS (no JWE),
/// JSON without duplicate members, <c>alg</c> from our list (never <c>none</c>), no <c>crit</c>, the optional <c>typ</c>,
/// and <c>exp</c>/<c>nbf</c> as NumericDates with <c>exp</c> required. Nothing read here is trusted before the signature
/// check; the payload is kept for the claim mapping once IdentityModel has accepted the token. Failures throw <see cref="AuthFailure"/>.
/// </summary>
internal sealed record JwtTokenShape(string Alg, string? Kid, JsonElement Payload)
{
    public const int MaxTokenLength = 8 * 1024;
    private static readonly JsonDocumentOptions JsonOptions = new() { AllowDuplicateProperties = false, MaxDepth = 16 };

    public static JwtTokenShape Read(string token, IReadOnlyList<string> algorithms, string? tokenType)
    {
        if (token.Length > MaxTokenLength)
        {
            throw new AuthFailure($"The token is longer than {MaxTokenLength} characters.");
        }

        var parts = token.Split('.');
        if (parts.Length == 5)
        {
            throw new AuthFailure("Encrypted tokens (JWE) are not accepted; send a signed JWT.");
        }

        // An empty signature is let through to the algorithm check, so 'alg: none' tokens are named as such.
        if (parts.Length != 3 || parts[0].Length == 0 || parts[1].Length == 0)
        {
            throw new AuthFailure("The token is not a signed JWT (header.payload.signature).");
        }

        var header = Parse(parts[0], "header");
        var (alg, kid) = ReadHeader(header, algorithms, tokenType);
        _ = Decode(parts[2], "signature");
        var payload = Parse(parts[1], "payload");
        _ = NumericDate(payload, "exp") ?? throw new AuthFailure("The token has no expiry ('exp').");
        _ = NumericDate(payload, "nbf");
        return new JwtTokenShape(alg, kid, payload);
    }

    /// <summary>A NumericDate claim; throws when present but not a number a <see cref="DateTimeOffset"/> can hold.</summary>
    public static DateTimeOffset? NumericDate(JsonElement claims, string name)
    {
        if (!claims.TryGetProperty(name, out var value))
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.Number || !value.TryGetDouble(out var seconds) || !double.IsFinite(seconds)
            || seconds < 0 || seconds > DateTimeOffset.MaxValue.ToUnixTimeSeconds())
        {
            throw new AuthFailure($"The token's '{name}' is not a NumericDate.");
        }

        return DateTimeOffset.UnixEpoch.AddSeconds(Math.Floor(seconds));
    }

    private static (string Alg, string? Kid) ReadHeader(JsonElement header, IReadOnlyList<string> algorithms, string? tokenType)
    {
        if (header.TryGetProperty("enc", out _))
        {
            throw new AuthFailure("Encrypted tokens (JWE) are not accepted; send a signed JWT.");
        }

        if (!header.TryGetProperty("alg", out var algElement) || algElement.ValueKind != JsonValueKind.String)
        {
            throw new AuthFailure("The token header has no 'alg'.");
        }

        var alg = algElement.GetString() ?? string.Empty;
        if (string.Equals(alg, "none", StringComparison.OrdinalIgnoreCase))
        {
            throw new AuthFailure("Unsigned tokens (alg 'none') are not accepted.");
        }

        if (!algorithms.Contains(alg, StringComparer.Ordinal))
        {
            throw new AuthFailure($"The token's signing algorithm is not accepted; accepted: {string.Join(", ", algorithms)}.");
        }

        if (tokenType is not null && !IsTokenType(header, tokenType))
        {
            throw new AuthFailure($"The token's type ('typ') is not {tokenType}: send an access token, not an ID token.");
        }

        // Compression is a JWE feature (RFC 7516 4.1.3); on a JWS it asks us to inflate what a client sent before trusting it.
        if (header.TryGetProperty("zip", out _))
        {
            throw new AuthFailure("Compressed tokens ('zip') are not accepted; send a plain signed JWT.");
        }

        // Extensions we would have to understand to trust the token (RFC 7515 4.1.11): we understand none.
        if (header.TryGetProperty("crit", out _))
        {
            throw new AuthFailure("The token has critical header parameters ('crit') this service does not support.");
        }

        string? kid = null;
        if (header.TryGetProperty("kid", out var kidElement))
        {
            kid = kidElement.ValueKind == JsonValueKind.String ? kidElement.GetString() : throw new AuthFailure("The token's 'kid' is not a string.");
        }

        return (alg, kid);
    }

    /// <summary>RFC 9068: <c>typ</c> compared case-insensitively, with or without the <c>application/</c> prefix.</summary>
    private static bool IsTokenType(JsonElement header, string expected) =>
        header.TryGetProperty("typ", out var typ) && typ.ValueKind == JsonValueKind.String && typ.GetString() is { } value
        && (string.Equals(value, expected, StringComparison.OrdinalIgnoreCase)
            || string.Equals(value, "application/" + expected, StringComparison.OrdinalIgnoreCase));

    private static JsonElement Parse(string segment, string what)
    {
        try
        {
            using var document = JsonDocument.Parse(Decode(segment, what), JsonOptions);
            if (document.RootElement.ValueKind == JsonValueKind.Object)
            {
                return document.RootElement.Clone();
            }
        }
        catch (JsonException)
        {
        }

        throw new AuthFailure($"The token {what} is not a JSON object (with each member once).");
    }

    private static byte[] Decode(string segment, string what)
    {
        try
        {
            return Base64Url.DecodeFromChars(segment);
        }
        catch (FormatException)
        {
            throw new AuthFailure($"The token {what} is not base64url.");
        }
    }
}
