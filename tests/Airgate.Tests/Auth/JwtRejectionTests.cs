using System.Security.Cryptography;
using System.Text.Json.Nodes;

namespace Airgate.Auth.Tests;

/// <summary>Every way a token must be refused, each its own row: 401, a problem naming the reason, <c>invalid_token</c>.</summary>
public sealed class JwtRejectionTests : IDisposable
{
    private readonly TestJwt _jwt = new();

    public static TheoryData<string, string> RejectedTokens => new()
    {
        { "alg none, no signature", "alg 'none'" },
        { "alg none, with signature", "alg 'none'" },
        { "HS256 keyed with the public key", "algorithm is not accepted" },
        { "RS512", "algorithm is not accepted" },
        { "JWE, five parts", "JWE" },
        { "enc header", "JWE" },
        { "over 8 KB", "longer than 8192" },
        { "two parts", "not a signed JWT" },
        { "header not base64url", "header is not base64url" },
        { "header not JSON", "header is not a JSON object" },
        { "duplicate alg in header", "header is not a JSON object" },
        { "crit header", "crit" },
        { "zip header", "Compressed tokens ('zip')" },
        { "no exp", "no expiry" },
        { "exp as string", "NumericDate" },
        { "expired beyond skew", "expired" },
        { "nbf in the future beyond skew", "not valid yet" },
        { "wrong iss", "another issuer" },
        { "no iss", "another issuer" },
        { "wrong aud string", "another audience" },
        { "wrong aud array", "another audience" },
        { "no aud", "another audience" },
        { "no sub", "no user id claim ('sub')" },
        { "empty sub", "no user id claim ('sub')" },
        { "sub with NUL", "control characters" },
        { "sub with a line break", "control characters" },
        { "unknown kid", "unknown 'kid'" },
        { "kid of the RSA key on an ES256 token", "does not fit" },
        { "tampered payload", "signature is not valid" },
        { "another key under a known kid", "signature is not valid" },
        { "attacker key embedded as jwk header", "signature is not valid" },
        { "ES256 signature in DER form", "signature is not valid" },
        { "payload not an object", "payload is not a JSON object" },
    };

    [Theory]
    [MemberData(nameof(RejectedTokens))]
    public async Task Jwt_BadToken_Returns401Problem(string tokenCase, string detail)
    {
        await using var host = await JwtTestSetup.StartAsync(new FakeJwksHandler(_jwt.Jwks()));
        var token = BadToken(tokenCase, host.Time.GetUtcNow());

        var response = await host.GetWithBearerAsync(token);

        await response.ShouldBe401Async(detail);
        response.Headers.WwwAuthenticate.ToString().ShouldContain("invalid_token");
    }

    public void Dispose() => _jwt.Dispose();

    private string BadToken(string tokenCase, DateTimeOffset now)
    {
        var claims = TestJwt.Claims(now);
        var rsaHeader = TestJwt.Header("RS256", TestJwt.RsaKid);
        switch (tokenCase)
        {
            case "alg none, no signature":
                return $"{TestJwt.B64(TestJwt.Header("none", null).ToJsonString())}.{TestJwt.B64(claims.ToJsonString())}.";
            case "alg none, with signature":
                return TestJwt.Sign(TestJwt.Header("none", TestJwt.RsaKid), claims.ToJsonString(), _jwt.SignRs256);
            case "HS256 keyed with the public key":
                var publicKey = _jwt.Rsa.ExportSubjectPublicKeyInfo();
                return TestJwt.Sign(TestJwt.Header("HS256", TestJwt.RsaKid), claims.ToJsonString(), input => HMACSHA256.HashData(publicKey, input));
            case "RS512":
                return TestJwt.Sign(TestJwt.Header("RS512", TestJwt.RsaKid), claims.ToJsonString(),
                    input => _jwt.Rsa.SignData(input, HashAlgorithmName.SHA512, RSASignaturePadding.Pkcs1));
            case "JWE, five parts":
                return $"{TestJwt.B64("{\"alg\":\"RSA-OAEP\",\"enc\":\"A256GCM\"}")}.AAAA.AAAA.AAAA.AAAA";
            case "enc header":
                rsaHeader["enc"] = "A256GCM";
                return TestJwt.Sign(rsaHeader, claims.ToJsonString(), _jwt.SignRs256);
            case "over 8 KB":
                claims["padding"] = new string('x', 9000);
                return _jwt.Rs256(claims);
            case "two parts":
                return $"{TestJwt.B64(rsaHeader.ToJsonString())}.{TestJwt.B64(claims.ToJsonString())}";
            case "header not base64url":
                return $"***.{TestJwt.B64(claims.ToJsonString())}.AAAA";
            case "header not JSON":
                return TestJwt.Sign("RS256 please", claims.ToJsonString(), _jwt.SignRs256);
            case "duplicate alg in header":
                return TestJwt.Sign($"{{\"alg\":\"RS256\",\"kid\":\"{TestJwt.RsaKid}\",\"alg\":\"none\"}}", claims.ToJsonString(), _jwt.SignRs256);
            case "crit header":
                rsaHeader["crit"] = new JsonArray("exp-ext");
                rsaHeader["exp-ext"] = true;
                return TestJwt.Sign(rsaHeader, claims.ToJsonString(), _jwt.SignRs256);
            case "zip header":
                rsaHeader["zip"] = "DEF";
                return TestJwt.Sign(rsaHeader, claims.ToJsonString(), _jwt.SignRs256);
            case "sub with NUL":
                claims["sub"] = "alice\u0000admin";
                break;
            case "sub with a line break":
                claims["sub"] = "alice\nadmin";
                break;
            case "no exp":
                claims.Remove("exp");
                break;
            case "exp as string":
                claims["exp"] = now.AddMinutes(10).ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
                break;
            case "expired beyond skew":
                claims["exp"] = now.AddSeconds(-61).ToUnixTimeSeconds();
                break;
            case "nbf in the future beyond skew":
                claims["nbf"] = now.AddSeconds(120).ToUnixTimeSeconds();
                break;
            case "wrong iss":
                claims["iss"] = "https://evil.test/";
                break;
            case "no iss":
                claims.Remove("iss");
                break;
            case "wrong aud string":
                claims["aud"] = "another-api";
                break;
            case "wrong aud array":
                claims["aud"] = new JsonArray("another-api", "third-api");
                break;
            case "no aud":
                claims.Remove("aud");
                break;
            case "no sub":
                claims.Remove("sub");
                break;
            case "empty sub":
                claims["sub"] = string.Empty;
                break;
            case "unknown kid":
                return _jwt.Rs256(claims, "rsa-unknown");
            case "kid of the RSA key on an ES256 token":
                return _jwt.Es256(claims, TestJwt.RsaKid);
            case "tampered payload":
                var parts = _jwt.Rs256(claims).Split('.');
                claims["sub"] = "someone-else";
                return $"{parts[0]}.{TestJwt.B64(claims.ToJsonString())}.{parts[2]}";
            case "another key under a known kid":
                using (var other = RSA.Create(2048))
                {
                    return TestJwt.Sign(rsaHeader, claims.ToJsonString(), input => other.SignData(input, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));
                }

            case "attacker key embedded as jwk header":
                using (var attacker = RSA.Create(2048))
                {
                    var header = TestJwt.Header("RS256", null);
                    header["jwk"] = TestJwt.RsaJwk(attacker, "attacker");
                    header["jku"] = "https://evil.test/jwks.json";
                    return TestJwt.Sign(header, claims.ToJsonString(), input => attacker.SignData(input, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));
                }

            case "ES256 signature in DER form":
                return TestJwt.Sign(TestJwt.Header("ES256", TestJwt.EcKid), claims.ToJsonString(),
                    input => _jwt.Ec.SignData(input, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence));
            case "payload not an object":
                return TestJwt.Sign(rsaHeader, "[1,2,3]", _jwt.SignRs256);
            default:
                throw new ArgumentOutOfRangeException(nameof(tokenCase), tokenCase, null);
        }

        return _jwt.Rs256(claims);
    }
}
