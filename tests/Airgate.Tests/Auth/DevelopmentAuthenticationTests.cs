using System.Net;
using Airgate.Problems;

namespace Airgate.Auth.Tests;

public sealed class DevelopmentAuthenticationTests
{
    private static Dictionary<string, string?> Config() => new()
    {
        ["Airgate:Auth:Mode"] = "Development",
        ["Airgate:Auth:AllowDevelopmentMode"] = "true",
    };

    [Fact]
    public async Task Development_NoHeader_IsTheDevAdmin()
    {
        await using var host = await AuthTestHost.StartAsync(Config());

        var user = await (await host.GetAsync("/api/v1/me")).ShouldBeUserAsync();

        user.ShouldBe(new UserBody("dev", "dev", ["admin"], true), new UserBodyComparer());
    }

    [Fact]
    public async Task Development_UserHeader_IsThatUserWithoutRoles()
    {
        await using var host = await AuthTestHost.StartAsync(Config());

        var user = await (await host.GetAsync("/api/v1/me", ("X-Airgate-User", "alice.smith@lab-1_x"))).ShouldBeUserAsync();

        user.ShouldBe(new UserBody("alice.smith@lab-1_x", "alice.smith@lab-1_x", [], false), new UserBodyComparer());
    }

    [Fact]
    public async Task Development_RolesHeader_GivesTheRoles()
    {
        await using var host = await AuthTestHost.StartAsync(Config());

        var user = await (await host.GetAsync("/api/v1/me", ("X-Airgate-User", "alice"), ("X-Airgate-Roles", "scientist, admin"))).ShouldBeUserAsync();

        user.ShouldBe(new UserBody("alice", "alice", ["scientist", "admin"], true), new UserBodyComparer());
    }

    [Fact]
    public async Task Development_ConfiguredAdminRole_MakesDevThatAdmin()
    {
        var config = Config();
        config["Airgate:Auth:AdminRole"] = "operators";
        await using var host = await AuthTestHost.StartAsync(config);

        var user = await (await host.GetAsync("/api/v1/me")).ShouldBeUserAsync();

        user.ShouldBe(new UserBody("dev", "dev", ["operators"], true), new UserBodyComparer());
    }

    public static TheoryData<string, string> BadHeaders => new()
    {
        { "X-Airgate-User", "alice,bob" },
        { "X-Airgate-User", "alice smith" },
        { "X-Airgate-User", "alice/../bob" },
        { "X-Airgate-User", "<script>" },
        { "X-Airgate-User", new string('a', 65) },
        { "X-Airgate-Roles", "admin;drop" },
        { "X-Airgate-Roles", new string('r', 65) },
        { "X-Airgate-Roles", string.Join(',', Enumerable.Range(0, 33).Select(i => $"r{i}")) },
    };

    [Theory]
    [MemberData(nameof(BadHeaders))]
    public async Task Development_BadHeaderValue_Returns401ProblemNamingTheHeader(string header, string value)
    {
        await using var host = await AuthTestHost.StartAsync(Config());

        var response = await host.GetAsync("/api/v1/me", (header, value));

        await response.ShouldBe401Async(header);
    }

    [Fact]
    public async Task Development_UserWithoutAdminRole_Gets403OnAdminEndpoint()
    {
        await using var host = await AuthTestHost.StartAsync(Config());

        (await host.GetAsync("/api/v1/admin")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var response = await host.GetAsync("/api/v1/admin", ("X-Airgate-User", "alice"));

        await response.ShouldBeProblemAsync(403, ProblemTypes.Forbidden, "may not");
    }

    [Fact]
    public async Task Development_WithoutAllowDevelopmentMode_FailsAtStart()
    {
        var failure = await AuthTestHost.StartFailureAsync(new Dictionary<string, string?> { ["Airgate:Auth:Mode"] = "Development" });

        failure.Message.ShouldContain("Airgate:Auth:Mode is Development");
        failure.Message.ShouldContain("Airgate:Auth:AllowDevelopmentMode=true");
    }

    [Fact]
    public async Task Development_Started_WarnsInTheLog()
    {
        await using var host = await AuthTestHost.StartAsync(Config());

        host.Logs.Entries.ShouldContain(e => e.Level == Microsoft.Extensions.Logging.LogLevel.Warning && e.Message.Contains("Development mode", StringComparison.Ordinal));
    }
}
