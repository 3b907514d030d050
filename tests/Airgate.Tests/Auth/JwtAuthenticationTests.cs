using System.Net;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Airgate.Problems;

namespace Airgate.Auth.Tests;

public sealed class JwtAuthenticationTests : IDisposable
{
    private readonly TestJwt _jwt = new();

    [Fact]
    public async Task Jwt_GoodRs256Token_IsTheUserWithRoles()
    {
        await using var host = await JwtTestSetup.StartAsync(new FakeJwksHandler(_jwt.Jwks()));

        var user = await (await host.GetWithBearerAsync(_jwt.Rs256(TestJwt.Claims(host.Time.GetUtcNow())))).ShouldBeUserAsync();

        user.ShouldBe(new UserBody("u-123", "alice", ["admin", "scientist"], true), new UserBodyComparer());
    }

    [Fact]
    public async Task Jwt_GoodEs256TokenWithSpaceSeparatedRoles_IsTheUserWithRoles()
    {
        await using var host = await JwtTestSetup.StartAsync(new FakeJwksHandler(_jwt.Jwks()));
        var claims = TestJwt.Claims(host.Time.GetUtcNow());
        claims["roles"] = "scientist reviewer";

        var user = await (await host.GetWithBearerAsync(_jwt.Es256(claims))).ShouldBeUserAsync();

        user.Id.ShouldBe("u-123");
        user.Roles.ShouldBe(["scientist", "reviewer"]);
        user.IsAdmin.ShouldBeFalse();
    }

    public static TheoryData<string> AcceptedVariants => new()
    {
        "expired within the clock skew",
        "nbf within the clock skew",
        "aud array holding the audience",
        "no kid",
        "no name claim",
        "no roles claim",
        "bearer scheme in lower case",
    };

    [Theory]
    [MemberData(nameof(AcceptedVariants))]
    public async Task Jwt_AcceptableVariant_Authenticates(string variant)
    {
        await using var host = await JwtTestSetup.StartAsync(new FakeJwksHandler(_jwt.Jwks()));
        var now = host.Time.GetUtcNow();
        var claims = TestJwt.Claims(now);
        string? kid = TestJwt.RsaKid;
        var scheme = "Bearer";
        switch (variant)
        {
            case "expired within the clock skew": claims["exp"] = now.AddSeconds(-30).ToUnixTimeSeconds(); break;
            case "nbf within the clock skew": claims["nbf"] = now.AddSeconds(30).ToUnixTimeSeconds(); break;
            case "aud array holding the audience": claims["aud"] = new JsonArray("other", TestJwt.Audience); break;
            case "no kid": kid = null; break;
            case "no name claim": claims.Remove("preferred_username"); break;
            case "no roles claim": claims.Remove("roles"); break;
            case "bearer scheme in lower case": scheme = "bearer"; break;
            default: throw new ArgumentOutOfRangeException(nameof(variant), variant, null);
        }

        var response = await host.GetAsync("/api/v1/me", ("Authorization", $"{scheme} {_jwt.Rs256(claims, kid)}"));

        var user = await response.ShouldBeUserAsync();
        user.Id.ShouldBe("u-123");
        user.Name.ShouldBe(variant == "no name claim" ? "u-123" : "alice");
    }

    [Fact]
    public async Task Jwt_ConfiguredClaimNames_AreRead()
    {
        await using var host = await JwtTestSetup.StartAsync(
            new FakeJwksHandler(_jwt.Jwks()),
            ("Airgate:Auth:Jwt:UserIdClaim", "oid"),
            ("Airgate:Auth:Jwt:UserNameClaim", "name"),
            ("Airgate:Auth:Jwt:RolesClaim", "realm_access.roles"),
            ("Airgate:Auth:AdminRole", "airgate-admin"));
        var claims = TestJwt.Claims(host.Time.GetUtcNow());
        claims["oid"] = "0f8e-oid";
        claims["name"] = "Ada Lovelace";
        claims["realm_access"] = new JsonObject { ["roles"] = new JsonArray("airgate-admin") };

        var user = await (await host.GetWithBearerAsync(_jwt.Rs256(claims))).ShouldBeUserAsync();

        user.ShouldBe(new UserBody("0f8e-oid", "Ada Lovelace", ["airgate-admin"], true), new UserBodyComparer());
    }

    [Fact]
    public async Task Jwt_AlgorithmsNarrowedToRs256_RejectsEs256()
    {
        await using var host = await JwtTestSetup.StartAsync(new FakeJwksHandler(_jwt.Jwks()), ("Airgate:Auth:Jwt:Algorithms:0", "RS256"));

        var response = await host.GetWithBearerAsync(_jwt.Es256(TestJwt.Claims(host.Time.GetUtcNow())));

        await response.ShouldBe401Async("accepted: RS256.");
    }

    [Fact]
    public async Task Jwt_NoAuthorizationHeader_Returns401SayingWhatToSend()
    {
        await using var host = await JwtTestSetup.StartAsync(new FakeJwksHandler(_jwt.Jwks()));

        var response = await host.GetAsync("/api/v1/me");

        await response.ShouldBe401Async("Authorization: Bearer <token>");
        response.Headers.WwwAuthenticate.ToString().ShouldNotContain("invalid_token");
    }

    [Fact]
    public async Task Jwt_DevelopmentUserHeader_IsIgnored()
    {
        await using var host = await JwtTestSetup.StartAsync(new FakeJwksHandler(_jwt.Jwks()));
        var token = _jwt.Rs256(TestJwt.Claims(host.Time.GetUtcNow()));

        var withToken = await host.GetAsync("/api/v1/me", ("Authorization", $"Bearer {token}"), ("X-Airgate-User", "root"), ("X-Airgate-Roles", "admin"));
        var withoutToken = await host.GetAsync("/api/v1/me", ("X-Airgate-User", "root"));

        (await withToken.ShouldBeUserAsync()).Id.ShouldBe("u-123");
        await withoutToken.ShouldBe401Async("Authorization: Bearer <token>");
    }

    [Fact]
    public async Task Jwt_BasicScheme_Returns401()
    {
        await using var host = await JwtTestSetup.StartAsync(new FakeJwksHandler(_jwt.Jwks()));

        var response = await host.GetAsync("/api/v1/me", ("Authorization", "Basic dXNlcjpwYXNz"));

        await response.ShouldBe401Async("Bearer scheme");
    }

    [Fact]
    public async Task Jwt_HealthWithoutToken_StaysAnonymous()
    {
        var jwks = new FakeJwksHandler(_jwt.Jwks());
        await using var host = await JwtTestSetup.StartAsync(jwks);

        var response = await host.GetAsync("/health/live");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        jwks.Fetches.ShouldBe(0);
    }

    [Fact]
    public async Task Jwt_JwksFile_IsUsedInsteadOfUrl()
    {
        var file = Path.Combine(Path.GetTempPath(), $"airgate-jwks-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, _jwt.Jwks());
        try
        {
            await using var host = await AuthTestHost.StartAsync(JwtTestSetup.Config(("Airgate:Auth:Jwt:JwksUrl", null), ("Airgate:Auth:Jwt:JwksFile", file)));

            var user = await (await host.GetWithBearerAsync(_jwt.Es256(TestJwt.Claims(host.Time.GetUtcNow())))).ShouldBeUserAsync();

            user.Id.ShouldBe("u-123");
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task Jwt_JwksUnreachable_Returns503ProblemNot500()
    {
        await using var host = await JwtTestSetup.StartAsync(new FakeJwksHandler("oops") { Status = HttpStatusCode.BadGateway });

        var response = await host.GetWithBearerAsync(_jwt.Rs256(TestJwt.Claims(host.Time.GetUtcNow())));

        await response.ShouldBeProblemAsync(503, ProblemTypes.AuthUnavailable, "signing keys could not be loaded");
        response.Headers.RetryAfter.ShouldNotBeNull();
    }

    public static TheoryData<string> UnusableJwks => new()
    {
        "not JSON",
        "no keys member",
        "keys not an array",
        "keys twice",
        "over 256 KB",
    };

    [Theory]
    [MemberData(nameof(UnusableJwks))]
    public async Task Jwt_UnusableJwksDocument_Returns503Problem(string jwksCase)
    {
        var document = jwksCase switch
        {
            "not JSON" => "<html>login</html>",
            "no keys member" => "{}",
            "keys not an array" => "{\"keys\": {}}",
            "keys twice" => "{\"keys\": [], \"keys\": []}",
            "over 256 KB" => "{\"keys\": [], \"padding\": \"" + new string('x', 300 * 1024) + "\"}",
            _ => throw new ArgumentOutOfRangeException(nameof(jwksCase), jwksCase, null),
        };
        await using var host = await JwtTestSetup.StartAsync(new FakeJwksHandler(document));

        var response = await host.GetWithBearerAsync(_jwt.Rs256(TestJwt.Claims(host.Time.GetUtcNow())));

        await response.ShouldBeProblemAsync(503, ProblemTypes.AuthUnavailable, "signing keys could not be loaded");
        host.Logs.AllText.ShouldContain("Could not load signing keys");
    }

    [Fact]
    public async Task Jwt_WeakAndForeignKeysInJwks_AreSkippedAndGoodOnesUsed()
    {
        using var weak = RSA.Create(1024);
        var jwks = TestJwt.Jwks(
            TestJwt.RsaJwk(weak, "weak"),
            new JsonObject { ["kty"] = "oct", ["kid"] = "hmac", ["k"] = "c2VjcmV0" },
            new JsonObject { ["kty"] = "EC", ["kid"] = "p384", ["crv"] = "P-384", ["x"] = "AA", ["y"] = "AA" },
            TestJwt.RsaJwk(_jwt.Rsa, TestJwt.RsaKid));
        await using var host = await JwtTestSetup.StartAsync(new FakeJwksHandler(jwks));
        var now = host.Time.GetUtcNow();

        (await host.GetWithBearerAsync(_jwt.Rs256(TestJwt.Claims(now)))).StatusCode.ShouldBe(HttpStatusCode.OK);
        var weakToken = TestJwt.Sign(TestJwt.Header("RS256", "weak"), TestJwt.Claims(now).ToJsonString(),
            input => weak.SignData(input, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));
        await (await host.GetWithBearerAsync(weakToken)).ShouldBe401Async("unknown 'kid'");
        host.Logs.AllText.ShouldContain("shorter than 2048 bits");
    }

    [Fact]
    public async Task Jwt_TokensAndSignatures_NeverReachTheLogs()
    {
        await using var host = await JwtTestSetup.StartAsync(new FakeJwksHandler(_jwt.Jwks()));
        var now = host.Time.GetUtcNow();
        var good = _jwt.Rs256(TestJwt.Claims(now));
        var expired = TestJwt.Claims(now);
        expired["exp"] = now.AddHours(-1).ToUnixTimeSeconds();
        var bad = _jwt.Rs256(expired);

        (await host.GetWithBearerAsync(good)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await host.GetWithBearerAsync(bad)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        var parts = good.Split('.');
        (await host.GetWithBearerAsync($"{parts[0]}.{TestJwt.B64("{}")}.{parts[2]}")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);

        var logs = host.Logs.AllText;
        logs.ShouldContain("expired");
        foreach (var token in new[] { good, bad })
        {
            foreach (var part in token.Split('.'))
            {
                logs.ShouldNotContain(part);
            }
        }
    }

    public void Dispose() => _jwt.Dispose();
}
