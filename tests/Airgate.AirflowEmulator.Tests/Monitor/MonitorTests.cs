using System.Net;
using Airgate.AirflowEmulator.Tests.Support;

namespace Airgate.AirflowEmulator.Tests.Monitor;

public sealed class MonitorTests
{
    [Fact]
    public async Task GetVersion_WithoutToken_Returns321()
    {
        await using var h = EmulatorHarness.Create();

        var answer = await h.GetAsync("api/v2/version", h.Anonymous);

        answer.Status.ShouldBe(HttpStatusCode.OK);
        answer.Json["version"]!.GetValue<string>().ShouldBe("3.2.1");
        answer.Json.AsObject().ContainsKey("git_version").ShouldBeTrue();
    }

    [Fact]
    public async Task GetHealth_WithoutToken_ReportsEveryComponentHealthy()
    {
        await using var h = EmulatorHarness.Create();

        var answer = await h.GetAsync("api/v2/monitor/health", h.Anonymous);

        answer.Status.ShouldBe(HttpStatusCode.OK);
        foreach (var component in new[] { "metadatabase", "scheduler", "triggerer", "dag_processor" })
        {
            answer.Json[component]!["status"]!.GetValue<string>().ShouldBe("healthy");
        }
    }

    [Fact]
    public async Task UnknownRoute_Any_Returns404NotFoundDetail()
    {
        await using var h = EmulatorHarness.Create();

        var answer = await h.GetAsync("api/v2/nothing/here", h.Unchecked);

        answer.Status.ShouldBe(HttpStatusCode.NotFound);
        answer.Detail.ShouldBe("Not Found");
    }

    [Fact]
    public async Task KnownRoute_WrongMethod_Returns405MethodNotAllowedDetail()
    {
        await using var h = EmulatorHarness.Create();

        var answer = await h.SendAsync(HttpMethod.Put, "api/v2/version", "{}", h.Unchecked);

        answer.Status.ShouldBe(HttpStatusCode.MethodNotAllowed);
        answer.Detail.ShouldBe("Method Not Allowed");
    }
}
