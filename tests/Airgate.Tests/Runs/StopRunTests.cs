using System.Net;
using Airgate.Testing;
using Airgate.Tests.Infrastructure;

namespace Airgate.Tests.Runs;

public sealed class StopRunTests
{
    private static async Task<string> StartRunningAsync(Gateway gateway, ManualTimeProvider clock, HttpClient? client = null)
    {
        var run = await (await (client ?? gateway.Client).TriggerAsync(RunBodies.ValidScreen())).ShouldBeJsonAsync(HttpStatusCode.Created);
        clock.Advance(TimeSpan.FromSeconds(10));
        return RunBodies.RunPath(run);
    }

    [Fact]
    public async Task StopRun_RunningRunWithNote_RunFailsWithTheNote()
    {
        var clock = new ManualTimeProvider();
        await using var gateway = Gateway.Start(options => options.Clock = clock);
        var path = await StartRunningAsync(gateway, clock);
        (await (await gateway.Client.GetAsync(path)).ShouldBeJsonAsync()).GetProperty("state").GetString().ShouldBe("running");

        var stopped = await (await gateway.Client.PatchJsonAsync(path, "{\"state\": \"failed\", \"note\": \"wrong database\"}")).ShouldBeJsonAsync();

        stopped.GetProperty("state").GetString().ShouldBe("failed");
        stopped.GetProperty("note").GetString().ShouldBe("wrong database");
        var detail = await (await gateway.Client.GetAsync(path)).ShouldBeJsonAsync();
        detail.GetProperty("state").GetString().ShouldBe("failed");
        detail.GetProperty("summary").GetProperty("progress").GetDouble().ShouldBe(1);
        var listed = await (await gateway.Client.GetAsync(RunBodies.ScreenRuns)).ShouldBeJsonAsync();
        listed.GetProperty("runs")[0].GetProperty("state").GetString().ShouldBe("failed");
    }

    [Fact]
    public async Task StopRun_EmptyBody_MeansFailed()
    {
        var clock = new ManualTimeProvider();
        await using var gateway = Gateway.Start(options => options.Clock = clock);
        var path = await StartRunningAsync(gateway, clock);

        var stopped = await (await gateway.Client.PatchJsonAsync(path, null)).ShouldBeJsonAsync();

        stopped.GetProperty("state").GetString().ShouldBe("failed");
        var patch = gateway.Emulator.Requests.Single(r => r.Method == "PATCH");
        patch.Body.ShouldContain("\"failed\"");
    }

    [Fact]
    public async Task StopRun_Success_FinishesTheRun()
    {
        var clock = new ManualTimeProvider();
        await using var gateway = Gateway.Start(options => options.Clock = clock);
        var path = await StartRunningAsync(gateway, clock);

        var finished = await (await gateway.Client.PatchJsonAsync(path, "{\"state\": \"success\"}")).ShouldBeJsonAsync();

        finished.GetProperty("state").GetString().ShouldBe("success");
    }

    [Fact]
    public async Task StopRun_UpdateMaskNote_OnlyTheNoteChanges()
    {
        var clock = new ManualTimeProvider();
        await using var gateway = Gateway.Start(options => options.Clock = clock);
        var path = await StartRunningAsync(gateway, clock);

        var updated = await (await gateway.Client.PatchJsonAsync(path + "?update_mask=note", "{\"note\": \"looks fine\"}")).ShouldBeJsonAsync();

        updated.GetProperty("state").GetString().ShouldBe("running");
        updated.GetProperty("note").GetString().ShouldBe("looks fine");
    }

    public static TheoryData<string, string?> BadStops => new()
    {
        { "", "{\"state\": \"queued\"}" },
        { "", "{\"state\": \"running\"}" },
        { "", "{\"state\": 1}" },
        { "", "{\"colour\": \"red\"}" },
        { "", "{\"note\": 5}" },
        { "", "{\"note\": \"" + new string('n', 1001) + "\"}" },
        { "", "not json" },
        { "", "[1]" },
        { "?update_mask=conf", "{}" },
        { "?update_mask=state&update_mask=note&update_mask=note", "{}" },
    };

    [Theory]
    [MemberData(nameof(BadStops))]
    public async Task StopRun_BadRequest_Returns400AndForwardsNothing(string query, string? body)
    {
        var clock = new ManualTimeProvider();
        await using var gateway = Gateway.Start(options => options.Clock = clock);
        var path = await StartRunningAsync(gateway, clock);

        await (await gateway.Client.PatchJsonAsync(path + query, body)).ShouldBeProblemAsync(HttpStatusCode.BadRequest);

        gateway.Emulator.Requests.ShouldNotContain(r => r.Method == "PATCH");
    }

    [Fact]
    public async Task StopRun_UnknownRun_Returns404()
    {
        await using var gateway = Gateway.Start();

        await (await gateway.Client.PatchJsonAsync(RunBodies.ScreenRuns + "/no_such_run", null)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }
}
