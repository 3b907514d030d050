using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace Airgate.Auth.Tests;

/// <summary>Test key pairs and a JWS writer, so tests sign good and bad tokens themselves.</summary>
internal sealed class TestJwt : IDisposable
{
    public const string Issuer = "https://idp.test/realms/airgate";
    public const string Audience = "airgate-api";
    public const string RsaKid = "rsa-1";
    public const string EcKid = "ec-1";

    public RSA Rsa { get; } = RSA.Create(2048);

    public ECDsa Ec { get; } = ECDsa.Create(ECCurve.NamedCurves.nistP256);

    public static string B64(byte[] bytes) => Base64Url.EncodeToString(bytes);

    public static string B64(string text) => B64(Encoding.UTF8.GetBytes(text));

    public static JsonObject RsaJwk(RSA rsa, string kid)
    {
        var p = rsa.ExportParameters(false);
        return new JsonObject { ["kty"] = "RSA", ["kid"] = kid, ["use"] = "sig", ["alg"] = "RS256", ["n"] = B64(p.Modulus!), ["e"] = B64(p.Exponent!) };
    }

    public static JsonObject EcJwk(ECDsa ec, string kid)
    {
        var p = ec.ExportParameters(false);
        return new JsonObject { ["kty"] = "EC", ["kid"] = kid, ["use"] = "sig", ["crv"] = "P-256", ["x"] = B64(p.Q.X!), ["y"] = B64(p.Q.Y!) };
    }

    public static string Jwks(params JsonObject[] keys) => new JsonObject { ["keys"] = new JsonArray([.. keys]) }.ToJsonString();

    /// <summary>The JWKS the provider publishes: the RSA and the EC key.</summary>
    public string Jwks() => Jwks(RsaJwk(Rsa, RsaKid), EcJwk(Ec, EcKid));

    /// <summary>Claims of a good token at <paramref name="now"/>.</summary>
    public static JsonObject Claims(DateTimeOffset now) => new()
    {
        ["iss"] = Issuer,
        ["aud"] = Audience,
        ["sub"] = "u-123",
        ["preferred_username"] = "alice",
        ["roles"] = new JsonArray("admin", "scientist"),
        ["iat"] = now.ToUnixTimeSeconds(),
        ["exp"] = now.AddMinutes(10).ToUnixTimeSeconds(),
    };

    public string Rs256(JsonObject claims, string? kid = RsaKid) => Sign(Header("RS256", kid), claims.ToJsonString(), SignRs256);

    public string Es256(JsonObject claims, string? kid = EcKid) => Sign(Header("ES256", kid), claims.ToJsonString(), SignEs256);

    public byte[] SignRs256(byte[] input) => Rsa.SignData(input, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);

    public byte[] SignEs256(byte[] input) => Ec.SignData(input, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);

    public static JsonObject Header(string alg, string? kid)
    {
        var header = new JsonObject { ["alg"] = alg, ["typ"] = "JWT" };
        if (kid is not null)
        {
            header["kid"] = kid;
        }

        return header;
    }

    public static string Sign(JsonObject header, string payloadJson, Func<byte[], byte[]> sign) => Sign(header.ToJsonString(), payloadJson, sign);

    /// <summary>Signs raw header and payload JSON, so tests can write what a serializer would refuse (duplicate members).</summary>
    public static string Sign(string headerJson, string payloadJson, Func<byte[], byte[]> sign)
    {
        var input = $"{B64(headerJson)}.{B64(payloadJson)}";
        return $"{input}.{B64(sign(Encoding.ASCII.GetBytes(input)))}";
    }

    public void Dispose()
    {
        Rsa.Dispose();
        Ec.Dispose();
    }
}
