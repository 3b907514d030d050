using System.Net;
using Airgate.AirflowEmulator;
using Airgate.Tests.Infrastructure;

namespace Airgate.Tests.Runs;

/// <summary>Who may see and stop whose runs: a run you may not see is a 404, one you may see but not stop a 403.</summary>
public sealed class RunAccessTests
{
    private static Gateway Start(string visibility) =>
        Gateway.Start(options => options.Settings["Airgate:Auth:RunVisibility"] = visibility);

    [Fact]
    public async Task RunVisibilityOwn_OtherUsersRun_IsNotFoundEverywhere()
    {
        await using var gateway = Start("Own");
        var alice = gateway.ClientFor("alice");
        var bob = gateway.ClientFor("bob");
        var run = await (await alice.TriggerAsync(RunBodies.ValidScreen())).ShouldBeJsonAsync(HttpStatusCode.Created);
        var path = RunBodies.RunPath(run);

        await (await bob.GetAsync(path)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await bob.GetAsync(path + "/tasks")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await bob.GetAsync(path + "/tasks/run_kraken2")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        var stop = await (await bob.PatchJsonAsync(path, null)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        var missing = await (await bob.GetAsync(RunBodies.ScreenRuns + "/no_such_run")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        stop.GetProperty("type").GetString().ShouldBe(missing.GetProperty("type").GetString());
        var bobsList = await (await bob.GetAsync("/api/v1/workflows/~/runs")).ShouldBeJsonAsync();
        bobsList.GetProperty("total_entries").GetInt64().ShouldBe(0);
        gateway.Emulator.Requests.ShouldNotContain(r => r.Method == "PATCH");

        (await (await alice.GetAsync(path)).ShouldBeJsonAsync()).GetProperty("dag_run_id").GetString().ShouldNotBeNull();
        var alicesList = await (await alice.GetAsync("/api/v1/workflows/~/runs")).ShouldBeJsonAsync();
        alicesList.GetProperty("total_entries").GetInt64().ShouldBe(1);
    }

    [Fact]
    public async Task RunVisibilityOwn_Admin_SeesAndStopsEveryRun()
    {
        await using var gateway = Start("Own");
        var run = await (await gateway.ClientFor("alice").TriggerAsync(RunBodies.ValidScreen())).ShouldBeJsonAsync(HttpStatusCode.Created);
        var admin = gateway.ClientFor("root", "admin");

        await (await admin.GetAsync(RunBodies.RunPath(run))).ShouldBeJsonAsync();
        (await (await admin.GetAsync("/api/v1/workflows/~/runs")).ShouldBeJsonAsync()).GetProperty("total_entries").GetInt64().ShouldBe(1);
        var stopped = await (await admin.PatchJsonAsync(RunBodies.RunPath(run), null)).ShouldBeJsonAsync();
        stopped.GetProperty("state").GetString().ShouldBe("failed");
    }

    [Fact]
    public async Task RunVisibilityOwn_RunStartedOutsideAirgate_HiddenFromUsers()
    {
        await using var gateway = Start("Own");
        gateway.Emulator.AddRun(new SeededRun { DagId = RunBodies.Screen, RunId = "outside", RunAfter = DateTimeOffset.UtcNow, State = "running", TriggeringUserName = "bob" });

        await (await gateway.ClientFor("bob").GetAsync(RunBodies.ScreenRuns + "/outside")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await gateway.ClientFor("root", "admin").GetAsync(RunBodies.ScreenRuns + "/outside")).ShouldBeJsonAsync();
    }

    [Fact]
    public async Task RunVisibilityAll_OtherUsersRun_VisibleButStoppingIs403()
    {
        await using var gateway = Start("All");
        var run = await (await gateway.ClientFor("alice").TriggerAsync(RunBodies.ValidScreen())).ShouldBeJsonAsync(HttpStatusCode.Created);
        var bob = gateway.ClientFor("bob");
        var path = RunBodies.RunPath(run);

        var seen = await (await bob.GetAsync(path)).ShouldBeJsonAsync();
        seen.GetProperty("triggered_by").GetProperty("id").GetString().ShouldBe("alice");
        await (await bob.GetAsync(path + "/tasks")).ShouldBeJsonAsync();
        var problem = await (await bob.PatchJsonAsync(path, null)).ShouldBeProblemAsync(HttpStatusCode.Forbidden);

        problem.GetProperty("type").GetString().ShouldBe("https://airgate.dev/problems/forbidden");
        gateway.Emulator.Requests.ShouldNotContain(r => r.Method == "PATCH");
    }

    [Fact]
    public async Task RunVisibilityAll_RunStartedOutsideAirgate_OnlyAdminMayStopIt()
    {
        await using var gateway = Start("All");
        gateway.Emulator.AddRun(new SeededRun { DagId = RunBodies.Screen, RunId = "outside", RunAfter = DateTimeOffset.UtcNow, State = "running", TriggeringUserName = "bob" });
        var path = RunBodies.ScreenRuns + "/outside";

        var seen = await (await gateway.ClientFor("bob").GetAsync(path)).ShouldBeJsonAsync();
        seen.GetProperty("triggered_by").GetProperty("name").GetString().ShouldBe("bob");
        await (await gateway.ClientFor("bob").PatchJsonAsync(path, null)).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await gateway.ClientFor("root", "admin").PatchJsonAsync(path, null)).ShouldBeJsonAsync();
    }
}
