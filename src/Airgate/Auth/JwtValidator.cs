using System.Buffers.Text;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;

namespace Airgate.Auth;

/// <summary>
/// Checks a compact JWS (RFC 7515/7519) with the BCL only: structure and size, an allowed asymmetric
/// algorithm, the signature against the provider's JWKS, then exp, nbf, iss, aud and the user claims.
/// The signature is checked before any claim is read. Failures throw <see cref="AuthFailure"/>.
/// </summary>
internal sealed class JwtValidator(JwksKeySource keySource, IOptions<AuthOptions> options, TimeProvider time)
{
    public const int MaxTokenLength = 8 * 1024;
    private static readonly JsonDocumentOptions JsonOptions = new() { AllowDuplicateProperties = false, MaxDepth = 16 };

    private readonly JwtOptions _options = options.Value.Jwt;
    private readonly IReadOnlyList<string> _algorithms = options.Value.Jwt.AcceptedAlgorithms();

    public async ValueTask<JwtUser> ValidateAsync(string token, CancellationToken cancellationToken)
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

        using var header = ParseSegment(parts[0], "header");
        var (alg, kid) = ReadHeader(header.RootElement);
        var signature = Decode(parts[2], "signature");
        var signingInput = Encoding.ASCII.GetBytes(token, 0, parts[0].Length + 1 + parts[1].Length);
        await VerifySignatureAsync(alg, kid, signingInput, signature, cancellationToken);

        using var payload = ParseSegment(parts[1], "payload");
        return ReadClaims(payload.RootElement);
    }

    private (string Alg, string? Kid) ReadHeader(JsonElement header)
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

        if (!_algorithms.Contains(alg, StringComparer.Ordinal))
        {
            throw new AuthFailure($"The token's signing algorithm is not accepted; accepted: {string.Join(", ", _algorithms)}.");
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

    private async ValueTask VerifySignatureAsync(string alg, string? kid, byte[] signingInput, byte[] signature, CancellationToken cancellationToken)
    {
        // Keys come only from the configured JWKS: 'jwk', 'jku' and 'x5u' headers are attacker-controlled and ignored.
        var keys = await keySource.GetAsync(cancellationToken);
        if (kid is not null)
        {
            var named = keys.Where(k => k.Kid == kid).ToList();
            if (named.Count == 0)
            {
                keys = await keySource.ReloadForUnknownKidAsync(kid, cancellationToken);
                named = [.. keys.Where(k => k.Kid == kid)];
            }

            if (named.Count == 0)
            {
                throw new AuthFailure("The token was signed with a key this service does not know (unknown 'kid').");
            }

            keys = named;
        }

        var fitting = keys.Where(k => k.Fits(alg)).ToList();
        if (fitting.Count == 0)
        {
            throw new AuthFailure(kid is null
                ? "No signing key of the identity provider fits the token's algorithm."
                : "The key named by the token's 'kid' does not fit the token's algorithm.");
        }

        if (!fitting.Any(k => k.Verify(alg, signingInput, signature)))
        {
            throw new AuthFailure("The token's signature is not valid.");
        }
    }

    private JwtUser ReadClaims(JsonElement claims)
    {
        if (claims.ValueKind != JsonValueKind.Object)
        {
            throw new AuthFailure("The token payload is not a JSON object.");
        }

        var now = time.GetUtcNow();
        var exp = NumericDate(claims, "exp") ?? throw new AuthFailure("The token has no expiry ('exp').");
        if (now >= exp + _options.ClockSkew)
        {
            throw new AuthFailure("The token has expired.");
        }

        if (NumericDate(claims, "nbf") is { } nbf && now + _options.ClockSkew < nbf)
        {
            throw new AuthFailure("The token is not valid yet ('nbf').");
        }

        if (!claims.TryGetProperty("iss", out var iss) || iss.ValueKind != JsonValueKind.String || !string.Equals(iss.GetString(), _options.Issuer, StringComparison.Ordinal))
        {
            throw new AuthFailure("The token was issued by another issuer ('iss').");
        }

        if (!HasAudience(claims))
        {
            throw new AuthFailure("The token is meant for another audience ('aud').");
        }

        var id = Claim(claims, _options.UserIdClaim) is { } idElement && ScalarText(idElement) is { Length: > 0 and <= 256 } idText
            ? idText
            : throw new AuthFailure($"The token has no user id claim ('{_options.UserIdClaim}').");
        var name = Claim(claims, _options.UserNameClaim) is { } nameElement && ScalarText(nameElement) is { Length: > 0 } nameText ? nameText : id;
        return new JwtUser(id, name, Roles(claims));
    }

    private bool HasAudience(JsonElement claims)
    {
        if (!claims.TryGetProperty("aud", out var aud))
        {
            return false;
        }

        return aud.ValueKind switch
        {
            JsonValueKind.String => aud.GetString() == _options.Audience,
            JsonValueKind.Array => aud.EnumerateArray().Any(a => a.ValueKind == JsonValueKind.String && a.GetString() == _options.Audience),
            _ => false,
        };
    }

    private string[] Roles(JsonElement claims) => Claim(claims, _options.RolesClaim) switch
    {
        { ValueKind: JsonValueKind.Array } array => [.. array.EnumerateArray()
            .Where(r => r.ValueKind == JsonValueKind.String)
            .Select(r => r.GetString() ?? string.Empty)
            .Where(r => r.Length > 0)],
        { ValueKind: JsonValueKind.String } text => (text.GetString() ?? string.Empty).Split(' ', StringSplitOptions.RemoveEmptyEntries),
        _ => [],
    };

    /// <summary>A claim by exact name, else by dotted path (Keycloak's <c>realm_access.roles</c>).</summary>
    private static JsonElement? Claim(JsonElement claims, string name)
    {
        if (claims.TryGetProperty(name, out var direct))
        {
            return direct;
        }

        var current = claims;
        foreach (var segment in name.Split('.'))
        {
            if (current.ValueKind != JsonValueKind.Object || !current.TryGetProperty(segment, out current))
            {
                return null;
            }
        }

        return current;
    }

    private static string? ScalarText(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => element.GetString(),
        JsonValueKind.Number => element.GetRawText(),
        _ => null,
    };

    private static DateTimeOffset? NumericDate(JsonElement claims, string name)
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

    private static JsonDocument ParseSegment(string segment, string what)
    {
        try
        {
            var document = JsonDocument.Parse(Decode(segment, what), JsonOptions);
            if (document.RootElement.ValueKind == JsonValueKind.Object)
            {
                return document;
            }

            document.Dispose();
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
