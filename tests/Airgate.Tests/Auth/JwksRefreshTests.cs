using System.Net;
using System.Security.Cryptography;

namespace Airgate.Auth.Tests;

public sealed class JwksRefreshTests : IDisposable
{
    private readonly TestJwt _jwt = new();
    private readonly RSA _rotated = RSA.Create(2048);

    [Fact]
    public async Task Jwks_ManyTokens_FetchedOnce()
    {
        var jwks = new FakeJwksHandler(_jwt.Jwks());
        await using var host = await JwtTestSetup.StartAsync(jwks);

        for (var i = 0; i < 3; i++)
        {
            (await host.GetWithBearerAsync(_jwt.Rs256(TestJwt.Claims(host.Time.GetUtcNow())))).StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        jwks.Fetches.ShouldBe(1);
        jwks.Requests.ShouldAllBe(uri => uri == new Uri(JwtTestSetup.JwksUrl));
    }

    [Fact]
    public async Task Jwks_ConcurrentFirstRequests_FetchOnce()
    {
        var jwks = new FakeJwksHandler(_jwt.Jwks());
        await using var host = await JwtTestSetup.StartAsync(jwks);
        var token = _jwt.Es256(TestJwt.Claims(host.Time.GetUtcNow()));

        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => host.GetWithBearerAsync(token)));

        responses.ShouldAllBe(r => r.StatusCode == HttpStatusCode.OK);
        jwks.Fetches.ShouldBe(1);
    }

    [Fact]
    public async Task Jwks_UnknownKidAfterAMinute_RefreshesOnceAndAcceptsTheRotatedKey()
    {
        var jwks = new FakeJwksHandler(_jwt.Jwks());
        await using var host = await JwtTestSetup.StartAsync(jwks);
        (await host.GetWithBearerAsync(_jwt.Rs256(TestJwt.Claims(host.Time.GetUtcNow())))).StatusCode.ShouldBe(HttpStatusCode.OK);

        jwks.Jwks = TestJwt.Jwks(TestJwt.RsaJwk(_jwt.Rsa, TestJwt.RsaKid), TestJwt.RsaJwk(_rotated, "rsa-2"));
        host.Time.Advance(TimeSpan.FromSeconds(61));
        var response = await host.GetWithBearerAsync(SignWithRotated(host.Time.GetUtcNow()));

        (await response.ShouldBeUserAsync()).Id.ShouldBe("u-123");
        jwks.Fetches.ShouldBe(2);
    }

    [Fact]
    public async Task Jwks_SecondUnknownKidWithinTheMinute_DoesNotRefetch()
    {
        var jwks = new FakeJwksHandler(_jwt.Jwks());
        await using var host = await JwtTestSetup.StartAsync(jwks);
        (await host.GetWithBearerAsync(_jwt.Rs256(TestJwt.Claims(host.Time.GetUtcNow())))).StatusCode.ShouldBe(HttpStatusCode.OK);
        host.Time.Advance(TimeSpan.FromMinutes(2));

        await (await host.GetWithBearerAsync(_jwt.Rs256(TestJwt.Claims(host.Time.GetUtcNow()), "unknown-a"))).ShouldBe401Async("unknown 'kid'");
        jwks.Fetches.ShouldBe(2);

        host.Time.Advance(TimeSpan.FromSeconds(59));
        await (await host.GetWithBearerAsync(_jwt.Rs256(TestJwt.Claims(host.Time.GetUtcNow()), "unknown-b"))).ShouldBe401Async("unknown 'kid'");
        jwks.Fetches.ShouldBe(2);

        host.Time.Advance(TimeSpan.FromSeconds(2));
        await (await host.GetWithBearerAsync(_jwt.Rs256(TestJwt.Claims(host.Time.GetUtcNow()), "unknown-c"))).ShouldBe401Async("unknown 'kid'");
        jwks.Fetches.ShouldBe(3);
    }

    [Fact]
    public async Task Jwks_UnknownKidRightAfterFirstLoad_DoesNotRefetch()
    {
        var jwks = new FakeJwksHandler(_jwt.Jwks());
        await using var host = await JwtTestSetup.StartAsync(jwks);

        await (await host.GetWithBearerAsync(_jwt.Rs256(TestJwt.Claims(host.Time.GetUtcNow()), "unknown-a"))).ShouldBe401Async("unknown 'kid'");

        jwks.Fetches.ShouldBe(1);
    }

    [Fact]
    public async Task Jwks_AfterAnHour_IsFetchedAgain()
    {
        var jwks = new FakeJwksHandler(_jwt.Jwks());
        await using var host = await JwtTestSetup.StartAsync(jwks);
        (await host.GetWithBearerAsync(_jwt.Rs256(TestJwt.Claims(host.Time.GetUtcNow())))).StatusCode.ShouldBe(HttpStatusCode.OK);

        host.Time.Advance(TimeSpan.FromMinutes(61));
        (await host.GetWithBearerAsync(_jwt.Rs256(TestJwt.Claims(host.Time.GetUtcNow())))).StatusCode.ShouldBe(HttpStatusCode.OK);

        jwks.Fetches.ShouldBe(2);
    }

    [Fact]
    public async Task Jwks_ProviderDownAfterFirstLoad_KeepsTheKeysItHas()
    {
        var jwks = new FakeJwksHandler(_jwt.Jwks());
        await using var host = await JwtTestSetup.StartAsync(jwks);
        (await host.GetWithBearerAsync(_jwt.Rs256(TestJwt.Claims(host.Time.GetUtcNow())))).StatusCode.ShouldBe(HttpStatusCode.OK);

        jwks.Status = HttpStatusCode.ServiceUnavailable;
        host.Time.Advance(TimeSpan.FromMinutes(61));
        (await host.GetWithBearerAsync(_jwt.Rs256(TestJwt.Claims(host.Time.GetUtcNow())))).StatusCode.ShouldBe(HttpStatusCode.OK);

        jwks.Fetches.ShouldBe(2);
        host.Logs.AllText.ShouldContain("Could not load signing keys");
    }

    public void Dispose()
    {
        _jwt.Dispose();
        _rotated.Dispose();
    }

    private string SignWithRotated(DateTimeOffset now) =>
        TestJwt.Sign(TestJwt.Header("RS256", "rsa-2"), TestJwt.Claims(now).ToJsonString(),
            input => _rotated.SignData(input, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));
}
