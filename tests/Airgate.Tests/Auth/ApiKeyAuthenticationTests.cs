using System.Net;
using Airgate.Problems;

namespace Airgate.Auth.Tests;

public sealed class ApiKeyAuthenticationTests
{
    private const string AdaKey = "ag_live_Ada-7f3c9e2d41b84a0f9d6c";
    private const string BobKey = "ag_live_Bob-0c1d2e3f4a5b6c7d8e9f";

    private static Dictionary<string, string?> Config() => new()
    {
        ["Airgate:Auth:Mode"] = "ApiKeys",
        ["Airgate:Auth:ApiKeys:0:KeyHash"] = ApiKeyHash.Format(AdaKey),
        ["Airgate:Auth:ApiKeys:0:UserId"] = "ada",
        ["Airgate:Auth:ApiKeys:0:UserName"] = "Ada Lovelace",
        ["Airgate:Auth:ApiKeys:0:Roles:0"] = "admin",
        ["Airgate:Auth:ApiKeys:1:KeyHash"] = ApiKeyHash.Format(BobKey).ToUpperInvariant().Replace("SHA256:", "sha256:", StringComparison.Ordinal),
        ["Airgate:Auth:ApiKeys:1:UserId"] = "bob",
    };

    [Fact]
    public async Task ApiKeys_BearerKey_IsTheMappedUser()
    {
        await using var host = await AuthTestHost.StartAsync(Config());

        var user = await (await host.GetWithBearerAsync(AdaKey)).ShouldBeUserAsync();

        user.ShouldBe(new UserBody("ada", "Ada Lovelace", ["admin"], true), new UserBodyComparer());
    }

    [Fact]
    public async Task ApiKeys_XApiKeyHeader_IsTheMappedUserNamedByIdWhenNoName()
    {
        await using var host = await AuthTestHost.StartAsync(Config());

        var user = await (await host.GetAsync("/api/v1/me", ("X-Api-Key", BobKey))).ShouldBeUserAsync();

        user.ShouldBe(new UserBody("bob", "bob", [], false), new UserBodyComparer());
    }

    [Fact]
    public async Task ApiKeys_SameKeyInBothHeaders_IsAccepted()
    {
        await using var host = await AuthTestHost.StartAsync(Config());

        var response = await host.GetAsync("/api/v1/me", ("Authorization", $"Bearer {AdaKey}"), ("X-Api-Key", AdaKey));

        (await response.ShouldBeUserAsync()).Id.ShouldBe("ada");
    }

    public static TheoryData<string, string, string> RefusedRequests => new()
    {
        { "Authorization", "Bearer ag_live_Eve-guessed", "not valid" },
        { "X-Api-Key", "ag_live_Eve-guessed", "not valid" },
        { "Authorization", "Bearer " + AdaKey.ToUpperInvariant(), "not valid" },
        { "Authorization", "Basic " + AdaKey, "Bearer scheme" },
        { "Authorization", "Bearer", "no credential" },
        { "Authorization", "Bearer  ", "no credential" },
        { "X-Api-Key", new string('k', 513), "too long" },
    };

    [Theory]
    [MemberData(nameof(RefusedRequests))]
    public async Task ApiKeys_BadKey_Returns401Problem(string header, string value, string detail)
    {
        await using var host = await AuthTestHost.StartAsync(Config());

        var response = await host.GetAsync("/api/v1/me", (header, value));

        await response.ShouldBe401Async(detail);
    }

    [Fact]
    public async Task ApiKeys_DevelopmentUserHeader_IsIgnored()
    {
        await using var host = await AuthTestHost.StartAsync(Config());

        var withKey = await host.GetAsync("/api/v1/me", ("X-Api-Key", BobKey), ("X-Airgate-User", "ada"), ("X-Airgate-Roles", "admin"));
        var withoutKey = await host.GetAsync("/api/v1/me", ("X-Airgate-User", "ada"));

        (await withKey.ShouldBeUserAsync()).ShouldBe(new UserBody("bob", "bob", [], false), new UserBodyComparer());
        await withoutKey.ShouldBe401Async("Send an API key");
    }

    [Fact]
    public async Task ApiKeys_MissingHeader_Returns401SayingWhatToSend()
    {
        await using var host = await AuthTestHost.StartAsync(Config());

        var response = await host.GetAsync("/api/v1/me");

        await response.ShouldBe401Async("X-Api-Key: <key>");
    }

    [Fact]
    public async Task ApiKeys_DifferentKeysInTheTwoHeaders_Returns401()
    {
        await using var host = await AuthTestHost.StartAsync(Config());

        var response = await host.GetAsync("/api/v1/me", ("Authorization", $"Bearer {AdaKey}"), ("X-Api-Key", BobKey));

        await response.ShouldBe401Async("different keys");
    }

    [Fact]
    public async Task ApiKeys_NonAdminOnAdminEndpoint_Returns403Problem()
    {
        await using var host = await AuthTestHost.StartAsync(Config());

        (await host.GetAsync("/api/v1/admin", ("X-Api-Key", AdaKey))).StatusCode.ShouldBe(HttpStatusCode.OK);
        var response = await host.GetAsync("/api/v1/admin", ("X-Api-Key", BobKey));

        await response.ShouldBeProblemAsync(403, ProblemTypes.Forbidden, "may not");
    }

    public static TheoryData<string> MalformedHashes => new()
    {
        "ag_live_raw-key-pasted-by-mistake",
        "sha256:not-hex-not-hex-not-hex-not-hex-not-hex-not-hex-not-hex-not-hex",
        "sha256:" + new string('a', 63),
        "sha256:" + new string('a', 65),
        "SHA256:" + new string('a', 64),
        "md5:" + new string('a', 32),
        "",
    };

    [Theory]
    [MemberData(nameof(MalformedHashes))]
    public async Task ApiKeys_MalformedHash_FailsAtStartNamingTheKeyNotTheValue(string hash)
    {
        var config = Config();
        config["Airgate:Auth:ApiKeys:1:KeyHash"] = hash;

        var failure = await AuthTestHost.StartFailureAsync(config);

        failure.Message.ShouldContain("Airgate:Auth:ApiKeys:1:KeyHash must be 'sha256:'");
        failure.Message.ShouldContain("sha256sum");
        if (hash.Length > 0)
        {
            failure.Message.ShouldNotContain(hash);
        }
    }

    [Fact]
    public async Task ApiKeys_DuplicateHash_FailsAtStart()
    {
        var config = Config();
        config["Airgate:Auth:ApiKeys:1:KeyHash"] = ApiKeyHash.Format(AdaKey);

        var failure = await AuthTestHost.StartFailureAsync(config);

        failure.Message.ShouldContain("Airgate:Auth:ApiKeys:1:KeyHash is the same as Airgate:Auth:ApiKeys:0:KeyHash");
    }

    [Fact]
    public async Task ApiKeys_EntryWithoutUserId_FailsAtStart()
    {
        var config = Config();
        config.Remove("Airgate:Auth:ApiKeys:1:UserId");

        var failure = await AuthTestHost.StartFailureAsync(config);

        failure.Message.ShouldContain("Airgate:Auth:ApiKeys:1:UserId is empty");
    }

    [Fact]
    public async Task ApiKeys_ModeWithoutKeys_FailsAtStart()
    {
        var failure = await AuthTestHost.StartFailureAsync(new Dictionary<string, string?> { ["Airgate:Auth:Mode"] = "ApiKeys" });

        failure.Message.ShouldContain("Airgate:Auth:ApiKeys is empty");
    }

    [Fact]
    public async Task ApiKeys_Keys_NeverReachTheLogs()
    {
        await using var host = await AuthTestHost.StartAsync(Config());

        await host.GetWithBearerAsync(AdaKey);
        await host.GetAsync("/api/v1/me", ("X-Api-Key", "ag_live_Eve-guessed"));

        host.Logs.AllText.ShouldContain("not valid");
        host.Logs.AllText.ShouldNotContain(AdaKey);
        host.Logs.AllText.ShouldNotContain("ag_live_Eve-guessed");
    }
}
