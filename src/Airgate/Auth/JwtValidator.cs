using System.Buffers.Text;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;

namespace Airgate.Auth;

/// <summary>
/// Checks a compact JWS (RFC 7515/7519) with the BCL only: structure and size, an allowed asymmetric
/// algorithm, the signature against the provider's JWKS, then exp, nbf, iss, aud and the user claims.
/// The signature is checked before any claim is read (<see cref="JwtClaimsReader"/>). Failures throw <see cref="AuthFailure"/>.
/// </summary>
internal sealed class JwtValidator(JwksKeySource keySource, IOptions<AuthOptions> options, TimeProvider time)
{
    public const int MaxTokenLength = 8 * 1024;
    private static readonly JsonDocumentOptions JsonOptions = new() { AllowDuplicateProperties = false, MaxDepth = 16 };

    private readonly JwtClaimsReader _claims = new(options.Value.Jwt, time);
    private readonly IReadOnlyList<string> _algorithms = options.Value.Jwt.AcceptedAlgorithms();
    private readonly string? _tokenType = string.IsNullOrWhiteSpace(options.Value.Jwt.TokenType) ? null : options.Value.Jwt.TokenType;

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
        return _claims.Read(payload.RootElement);
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

        if (_tokenType is not null && !IsTokenType(header, _tokenType))
        {
            throw new AuthFailure($"The token's type ('typ') is not {_tokenType}: send an access token, not an ID token.");
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

    /// <summary>RFC 9068: <c>typ</c> compared case-insensitively, with or without the <c>application/</c> prefix.</summary>
    private static bool IsTokenType(JsonElement header, string expected) =>
        header.TryGetProperty("typ", out var typ) && typ.ValueKind == JsonValueKind.String && typ.GetString() is { } value
        && (string.Equals(value, expected, StringComparison.OrdinalIgnoreCase)
            || string.Equals(value, "application/" + expected, StringComparison.OrdinalIgnoreCase));

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
