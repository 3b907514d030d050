using System.Net;
using System.Text;
using System.Text.Json;
using Airgate.Testing;
using Airgate.Tests.Infrastructure;

namespace Airgate.Tests.Runs;

public sealed class ClearRunTests
{
    private static int Clears(Gateway gateway) => gateway.Emulator.Requests.Count(r => r.Path.EndsWith("/clearTaskInstances", StringComparison.Ordinal));

    private static Task<HttpResponseMessage> ClearAsync(HttpClient client, string runPath, string? body, string query = "") =>
        client.PostAsync(runPath + "/clear" + query, body is null ? null : new StringContent(body, Encoding.UTF8, "application/json"));

    private static async Task<(Gateway Gateway, ManualTimeProvider Clock, string Path)> FailedRunAsync(Action<GatewayOptions>? configure = null)
    {
        var clock = new ManualTimeProvider();
        var gateway = Gateway.Start(options =>
        {
            options.Clock = clock;
            configure?.Invoke(options);
        });
        gateway.Emulator.Faults.FailTask(RunBodies.Screen, "run_kraken2");
        var run = await (await gateway.ClientFor("alice").TriggerAsync(RunBodies.ValidScreen())).ShouldBeJsonAsync(HttpStatusCode.Created);
        clock.Advance(TimeSpan.FromMinutes(10));
        return (gateway, clock, RunBodies.RunPath(run));
    }

    [Fact]
    public async Task ClearRun_FailedRun_RunsTheFailedTasksAgainWithTheSameParameters()
    {
        var (gateway, clock, path) = await FailedRunAsync();
        await using var _g = gateway;
        var alice = gateway.ClientFor("alice");

        var dry = await (await ClearAsync(alice, path, null, "?dry_run=true")).ShouldBeJsonAsync();
        (await (await alice.GetAsync(path)).ShouldBeJsonAsync()).GetProperty("state").GetString().ShouldBe("failed");
        var cleared = await (await ClearAsync(alice, path, null)).ShouldBeJsonAsync();
        gateway.Emulator.Faults.Reset();
        var queued = await (await alice.GetAsync(path)).ShouldBeJsonAsync();
        clock.Advance(TimeSpan.FromMinutes(10));
        var done = await (await alice.GetAsync(path)).ShouldBeJsonAsync();

        var names = (JsonElement answer) => answer.GetProperty("task_instances").EnumerateArray().Select(t => $"{t.GetProperty("task_id").GetString()}:{t.GetProperty("state").GetString()}").ToList();
        names(dry).ShouldBe(["run_kraken2:failed", "publish_report:upstream_failed"], ignoreOrder: true);
        dry.GetProperty("total_entries").GetInt32().ShouldBe(2);
        names(cleared).ShouldBe(names(dry), ignoreOrder: true);
        queued.GetProperty("state").GetString().ShouldBe("queued");
        done.GetProperty("state").GetString().ShouldBe("success");
        done.GetProperty("pipelines")[0].GetProperty("parameters").GetProperty("outdir").GetString().ShouldBe("/data/out");
        gateway.Emulator.TriggerPosts().ShouldBe(1);
        var tasks = await (await alice.GetAsync(path + "/tasks")).ShouldBeJsonAsync();
        tasks.GetProperty("task_instances").EnumerateArray().ToDictionary(t => t.GetProperty("task_id").GetString()!, t => t.GetProperty("try_number").GetInt32())
            .ShouldBe(new Dictionary<string, int> { ["prepare_samples"] = 1, ["run_kraken2"] = 2, ["publish_report"] = 1 }, ignoreOrder: true);
        (await (await alice.GetAsync(path + "/tasks/run_kraken2/logs?try_number=1")).ShouldBeJsonAsync())
            .GetProperty("content").EnumerateArray().Last().GetProperty("event").GetString()!.ShouldContain("failed");
    }

    [Fact]
    public async Task ClearRun_OnlyFailedFalse_ListsEveryTaskInstance()
    {
        var (gateway, _, path) = await FailedRunAsync();
        await using var _g = gateway;

        var all = await (await ClearAsync(gateway.ClientFor("alice"), path, """{"only_failed": false}""", "?dry_run=true")).ShouldBeJsonAsync();

        all.GetProperty("total_entries").GetInt32().ShouldBe(3);
    }

    [Fact]
    public async Task ClearRun_RunStillRunning_Is409AndNothingIsCleared()
    {
        var clock = new ManualTimeProvider();
        await using var gateway = Gateway.Start(options => options.Clock = clock);
        var run = await (await gateway.Client.TriggerAsync(RunBodies.ValidScreen())).ShouldBeJsonAsync(HttpStatusCode.Created);
        clock.Advance(TimeSpan.FromSeconds(10));

        var problem = await (await ClearAsync(gateway.Client, RunBodies.RunPath(run), null)).ShouldBeProblemAsync(HttpStatusCode.Conflict);

        problem.GetProperty("type").GetString().ShouldEndWith("run-not-finished");
        Clears(gateway).ShouldBe(0);
    }

    [Fact]
    public async Task ClearRun_SomeoneElsesRun_Is403WhenVisibleAnd404WhenNot()
    {
        var (gateway, _, path) = await FailedRunAsync();
        await using var _g = gateway;
        var (hidden, _, hiddenPath) = await FailedRunAsync(options => options.Settings["Airgate:Auth:RunVisibility"] = "Own");
        await using var _h = hidden;

        await (await ClearAsync(gateway.ClientFor("bob"), path, null)).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await ClearAsync(hidden.ClientFor("bob"), hiddenPath, null)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        (await (await ClearAsync(gateway.ClientFor("root", "admin"), path, null, "?dry_run=true")).ShouldBeJsonAsync()).GetProperty("total_entries").GetInt32().ShouldBe(2);

        Clears(hidden).ShouldBe(0);
        Clears(gateway).ShouldBe(1);
    }

    [Theory]
    [InlineData("""{"only_failed": "yes"}""")]
    [InlineData("""{"only_failed": 1}""")]
    [InlineData("""{"only_failed": null}""")]
    [InlineData("""{"only_failed": true, "only_failed": false}""")]
    [InlineData("""{"task_ids": ["run_kraken2"]}""")]
    [InlineData("""[]""")]
    [InlineData("\"all\"")]
    [InlineData("""{"only_failed": """)]
    public async Task ClearRun_HostileBody_Is400AndNothingIsCleared(string body)
    {
        var (gateway, _, path) = await FailedRunAsync();
        await using var _g = gateway;

        await (await ClearAsync(gateway.ClientFor("alice"), path, body)).ShouldBeProblemAsync(HttpStatusCode.BadRequest);

        Clears(gateway).ShouldBe(0);
    }

    [Fact]
    public async Task ClearRun_HugeBodyOrBadQuery_Is4xxAndNothingIsCleared()
    {
        var (gateway, _, path) = await FailedRunAsync();
        await using var _g = gateway;
        var alice = gateway.ClientFor("alice");

        await (await ClearAsync(alice, path, "{\"only_failed\": true, \"pad\": \"" + new string('x', 100_000) + "\"}")).ShouldBeProblemAsync(HttpStatusCode.RequestEntityTooLarge);
        await (await ClearAsync(alice, path, null, "?dry_run=perhaps")).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        await (await alice.PostAsync(path + "/clear", new StringContent("only_failed=true", Encoding.UTF8, "application/x-www-form-urlencoded"))).ShouldBeProblemAsync(HttpStatusCode.UnsupportedMediaType);

        Clears(gateway).ShouldBe(0);
    }
}
