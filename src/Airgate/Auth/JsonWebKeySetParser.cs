using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.IdentityModel.Tokens;

namespace Airgate.Auth;

/// <summary>Reads the public signing keys of a JWKS (RFC 7517): RSA of 2048 bits or more, and EC P-256.</summary>
internal static class JsonWebKeySetParser
{
    private const int MinRsaBits = 2048;

    // A token without 'kid' is tried against every fitting key; a bound keeps that cheap whatever the JWKS holds.
    private const int MaxKeys = 50;

    /// <summary>The usable keys; keys that cannot be used are reported through <paramref name="skipped"/> and left out.</summary>
    /// <exception cref="JsonException">The document is not a JWKS.</exception>
    public static IReadOnlyList<SigningKey> Parse(ReadOnlyMemory<byte> json, Action<string?, string> skipped)
    {
        using var document = JsonDocument.Parse(json, new JsonDocumentOptions { AllowDuplicateProperties = false, MaxDepth = 16 });
        if (document.RootElement.ValueKind != JsonValueKind.Object
            || !document.RootElement.TryGetProperty("keys", out var keys)
            || keys.ValueKind != JsonValueKind.Array)
        {
            throw new JsonException("A JWKS is an object with a 'keys' array.");
        }

        var result = new List<SigningKey>();
        foreach (var jwk in keys.EnumerateArray())
        {
            if (jwk.ValueKind != JsonValueKind.Object)
            {
                skipped(null, "not an object");
                continue;
            }

            var kid = String(jwk, "kid");
            var (key, reason) = ParseKey(jwk, kid);
            if (key is null)
            {
                skipped(kid, reason);
            }
            else if (result.Count == MaxKeys)
            {
                skipped(kid, $"more than {MaxKeys} keys");
            }
            else
            {
                result.Add(key);
            }
        }

        return result;
    }

    private static (SigningKey? Key, string Reason) ParseKey(JsonElement jwk, string? kid)
    {
        if (String(jwk, "use") is { } use && use != "sig")
        {
            return (null, "not a signing key (use)");
        }

        if (jwk.TryGetProperty("key_ops", out var ops)
            && (ops.ValueKind != JsonValueKind.Array || !ops.EnumerateArray().Any(o => o.ValueKind == JsonValueKind.String && o.GetString() == "verify")))
        {
            return (null, "not a verification key (key_ops)");
        }

        var alg = String(jwk, "alg");
        try
        {
            return String(jwk, "kty") switch
            {
                "RSA" => ParseRsa(jwk, kid, alg),
                "EC" => ParseEc(jwk, kid, alg),
                _ => (null, "unsupported key type"),
            };
        }
        catch (Exception exception) when (exception is FormatException or CryptographicException)
        {
            return (null, "malformed key material");
        }
    }

    private static (SigningKey?, string) ParseRsa(JsonElement jwk, string? kid, string? alg)
    {
        if (Bytes(jwk, "n") is not { Length: > 0 } modulus || Bytes(jwk, "e") is not { Length: > 0 } exponent)
        {
            return (null, "RSA key without n or e");
        }

        var significant = modulus.AsSpan().TrimStart((byte)0);
        if (significant.Length * 8 < MinRsaBits)
        {
            return (null, $"RSA key shorter than {MinRsaBits} bits");
        }

        var parameters = new RSAParameters { Modulus = significant.ToArray(), Exponent = exponent };
        using (var rsa = RSA.Create())
        {
            rsa.ImportParameters(parameters);
        }

        return (new SigningKey(kid, alg, new RsaSecurityKey(parameters) { KeyId = kid }), string.Empty);
    }

    private static (SigningKey?, string) ParseEc(JsonElement jwk, string? kid, string? alg)
    {
        if (String(jwk, "crv") != "P-256")
        {
            return (null, "EC key not on curve P-256");
        }

        if (Bytes(jwk, "x") is not { Length: 32 } x || Bytes(jwk, "y") is not { Length: 32 } y)
        {
            return (null, "P-256 key without 32-byte x and y");
        }

        var parameters = new ECParameters { Curve = ECCurve.NamedCurves.nistP256, Q = new ECPoint { X = x, Y = y } };
        // Importing checks that the point is on the curve; the key lives as long as the JWKS snapshot.
        return (new SigningKey(kid, alg, new ECDsaSecurityKey(ECDsa.Create(parameters)) { KeyId = kid }), string.Empty);
    }

    private static string? String(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static byte[]? Bytes(JsonElement element, string name) =>
        String(element, name) is { } text ? Base64Url.DecodeFromChars(text) : null;
}
