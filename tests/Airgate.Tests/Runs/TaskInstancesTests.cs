using System.Net;
using Airgate.AirflowEmulator;
using Airgate.Tests.Infrastructure;

namespace Airgate.Tests.Runs;

public sealed class TaskInstancesTests
{
    private const string AmrRun = "/api/v1/workflows/bactopia_amr_analysis/runs/outside";

    private static Gateway StartWithFinishedAmrRun()
    {
        var gateway = Gateway.Start();
        gateway.Emulator.AddRun(new SeededRun { DagId = "bactopia_amr_analysis", RunId = "outside", RunAfter = DateTimeOffset.UtcNow.AddHours(-1), State = "success" });
        return gateway;
    }

    [Fact]
    public async Task ListTaskInstances_MappedTask_EveryMapIndexIncludedInTotalAndSummary()
    {
        await using var gateway = StartWithFinishedAmrRun();

        var body = await (await gateway.Client.GetAsync(AmrRun + "/tasks")).ShouldBeJsonAsync();

        body.GetProperty("total_entries").GetInt32().ShouldBe(6);
        body.GetProperty("task_instances").GetArrayLength().ShouldBe(6);
        var summary = body.GetProperty("summary");
        summary.GetProperty("total").GetInt32().ShouldBe(6);
        summary.GetProperty("by_state").GetProperty("success").GetInt32().ShouldBe(6);
        summary.GetProperty("progress").GetDouble().ShouldBe(1);
    }

    [Fact]
    public async Task GetTaskInstances_MappedTask_AllMapIndexes()
    {
        await using var gateway = StartWithFinishedAmrRun();

        var body = await (await gateway.Client.GetAsync(AmrRun + "/tasks/run_amrfinderplus")).ShouldBeJsonAsync();

        body.GetProperty("task_instances").EnumerateArray().Select(t => t.GetProperty("map_index").GetInt32()).ShouldBe([0, 1, 2], ignoreOrder: true);
        body.GetProperty("summary").GetProperty("total").GetInt32().ShouldBe(3);
    }

    [Fact]
    public async Task GetTaskInstances_UnknownTask_Returns404()
    {
        await using var gateway = StartWithFinishedAmrRun();

        await (await gateway.Client.GetAsync(AmrRun + "/tasks/no_such_task")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task ListTaskInstances_UnknownRun_Returns404()
    {
        await using var gateway = Gateway.Start();

        await (await gateway.Client.GetAsync(RunBodies.ScreenRuns + "/no_such_run/tasks")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }
}
