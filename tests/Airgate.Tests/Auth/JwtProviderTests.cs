using System.Net;
using Microsoft.Extensions.DependencyInjection;

namespace Airgate.Auth.Tests;

/// <summary>Discovery from the issuer URL, the token type check, far-future expiry and hostile key ids in logs.</summary>
public sealed class JwtProviderTests : IDisposable
{
    private readonly TestJwt _jwt = new();

    [Fact]
    public async Task Jwt_AuthorityOnly_KeysFoundByDiscoveryAndIssuerTakenFromIt()
    {
        var provider = new FakeOidcHandler(TestJwt.Issuer, _jwt.Jwks());
        await using var host = await StartWithAuthorityAsync(provider);

        var user = await (await host.GetWithBearerAsync(_jwt.Rs256(TestJwt.Claims(host.Time.GetUtcNow())))).ShouldBeUserAsync();

        user.Id.ShouldBe("u-123");
        provider.Paths.ShouldBe(["/realms/airgate/.well-known/openid-configuration", "/realms/airgate" + FakeOidcHandler.JwksPath]);
    }

    [Fact]
    public async Task Jwt_DiscoveryNamesAnotherIssuer_Returns503AndNeverTrustsItsKeys()
    {
        var provider = new FakeOidcHandler(TestJwt.Issuer, _jwt.Jwks()) { DocumentIssuer = "https://evil.test/" };
        await using var host = await StartWithAuthorityAsync(provider);

        var response = await host.GetWithBearerAsync(_jwt.Rs256(TestJwt.Claims(host.Time.GetUtcNow())));

        response.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        host.Logs.AllText.ShouldContain("Could not load signing keys");
    }

    [Fact]
    public async Task Jwt_ExpiryInYear9999_Accepted()
    {
        await using var host = await JwtTestSetup.StartAsync(new FakeJwksHandler(_jwt.Jwks()));
        var claims = TestJwt.Claims(host.Time.GetUtcNow());
        claims["exp"] = DateTimeOffset.MaxValue.ToUnixTimeSeconds();

        (await (await host.GetWithBearerAsync(_jwt.Rs256(claims))).ShouldBeUserAsync()).Id.ShouldBe("u-123");
    }

    [Theory]
    [InlineData("at+jwt", true)]
    [InlineData("application/at+JWT", true)]
    [InlineData("JWT", false)]
    [InlineData(null, false)]
    public async Task Jwt_TokenTypeConfigured_OnlyThatTypPasses(string? typ, bool accepted)
    {
        await using var host = await JwtTestSetup.StartAsync(new FakeJwksHandler(_jwt.Jwks()), ("Airgate:Auth:Jwt:TokenType", "at+jwt"));
        var header = TestJwt.Header("RS256", TestJwt.RsaKid);
        header.Remove("typ");
        if (typ is not null)
        {
            header["typ"] = typ;
        }

        var response = await host.GetWithBearerAsync(TestJwt.Sign(header, TestJwt.Claims(host.Time.GetUtcNow()).ToJsonString(), _jwt.SignRs256));

        if (accepted)
        {
            (await response.ShouldBeUserAsync()).Id.ShouldBe("u-123");
        }
        else
        {
            await response.ShouldBe401Async("not at+jwt");
        }
    }

    [Fact]
    public async Task Jwt_HostileKid_ReachesTheLogEscaped()
    {
        await using var host = await JwtTestSetup.StartAsync(new FakeJwksHandler(_jwt.Jwks()));
        const string Kid = "x\r\n2026-01-15 INFO Authentication (Jwt) accepted user admin\u001b[0m";
        (await host.GetWithBearerAsync(_jwt.Rs256(TestJwt.Claims(host.Time.GetUtcNow())))).StatusCode.ShouldBe(HttpStatusCode.OK);
        host.Time.Advance(TimeSpan.FromMinutes(2)); // past the reload limit, so the unknown kid is logged as it reloads

        await (await host.GetWithBearerAsync(_jwt.Rs256(TestJwt.Claims(host.Time.GetUtcNow()), Kid))).ShouldBe401Async("unknown 'kid'");

        var logs = host.Logs.AllText;
        logs.ShouldNotContain(Kid);
        logs.ShouldNotContain("\n2026-01-15 INFO");
        logs.ShouldNotContain("\u001b");
        logs.ShouldContain(@"x\u000d\u000a2026-01-15 INFO");
    }

    public void Dispose() => _jwt.Dispose();

    private static Task<AuthTestHost> StartWithAuthorityAsync(FakeOidcHandler provider) =>
        AuthTestHost.StartAsync(
            new Dictionary<string, string?>
            {
                ["Airgate:Auth:Mode"] = "Jwt",
                ["Airgate:Auth:Jwt:Authority"] = TestJwt.Issuer,
                ["Airgate:Auth:Jwt:Audience"] = TestJwt.Audience,
            },
            builder => builder.Services.AddHttpClient(JwksKeySource.HttpClientName).ConfigurePrimaryHttpMessageHandler(() => provider));
}
