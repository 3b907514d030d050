using Airgate.AirflowEmulator.Tests.Support;

namespace Airgate.AirflowEmulator.Tests.Progression;

/// <summary>The harness pace: 2 s queue delay, 10 s per task, so a task occupies 12 s once its upstream is done.</summary>
public sealed class RunProgressionTests
{
    private const string Screen = "bactopia_species_screen";
    private const string Amr = "bactopia_amr_analysis";

    [Fact]
    public async Task Run_BeforeQueueDelay_IsQueuedWithoutTaskStates()
    {
        await using var h = EmulatorHarness.Create();
        var runId = await h.TriggerAsync(Screen);

        h.Clock.Advance(TimeSpan.FromSeconds(1));

        (await h.RunStateAsync(Screen, runId)).ShouldBe("queued");
        (await h.TaskStatesAsync(Screen, runId)).Values.ShouldAllBe(s => s == null);
    }

    [Theory]
    [InlineData(2, "running", "scheduled", null, null)]
    [InlineData(3, "running", "queued", null, null)]
    [InlineData(4, "running", "running", null, null)]
    [InlineData(14, "running", "success", "scheduled", null)]
    [InlineData(16, "running", "success", "running", null)]
    [InlineData(27, "running", "success", "success", "queued")]
    [InlineData(38, "success", "success", "success", "success")]
    public async Task Run_OnTheClock_AdvancesAlongDownstreamIds(int seconds, string run, string? prepare, string? kraken, string? publish)
    {
        await using var h = EmulatorHarness.Create();
        var runId = await h.TriggerAsync(Screen);

        h.Clock.Advance(TimeSpan.FromSeconds(seconds));

        (await h.RunStateAsync(Screen, runId)).ShouldBe(run);
        var tasks = await h.TaskStatesAsync(Screen, runId);
        tasks["prepare_samples"].ShouldBe(prepare);
        tasks["run_kraken2"].ShouldBe(kraken);
        tasks["publish_report"].ShouldBe(publish);
    }

    [Fact]
    public async Task Run_Finished_HasConsistentTimestamps()
    {
        await using var h = EmulatorHarness.Create();
        var runId = await h.TriggerAsync(Screen);

        h.Clock.Advance(TimeSpan.FromMinutes(5));
        var run = await h.RunAsync(Screen, runId);

        run["queued_at"]!.GetValue<string>().ShouldBe("2026-01-15T09:00:00Z");
        run["start_date"]!.GetValue<string>().ShouldBe("2026-01-15T09:00:02Z");
        run["end_date"]!.GetValue<string>().ShouldBe("2026-01-15T09:00:38Z");
        run["duration"]!.GetValue<double>().ShouldBe(36);
        var instances = (await h.GetAsync($"api/v2/dags/{Screen}/dagRuns/{Uri.EscapeDataString(runId)}/taskInstances")).Json["task_instances"]!.AsArray();
        var publish = instances.Single(t => t!["task_id"]!.GetValue<string>() == "publish_report")!;
        publish["scheduled_when"]!.GetValue<string>().ShouldBe("2026-01-15T09:00:26Z");
        publish["queued_when"]!.GetValue<string>().ShouldBe("2026-01-15T09:00:27Z");
        publish["start_date"]!.GetValue<string>().ShouldBe("2026-01-15T09:00:28Z");
        publish["end_date"]!.GetValue<string>().ShouldBe("2026-01-15T09:00:38Z");
        publish["try_number"]!.GetValue<int>().ShouldBe(1);
    }

    [Fact]
    public async Task MappedTask_AfterUpstream_RunsEveryMapIndexBeforeItsDownstream()
    {
        await using var h = EmulatorHarness.Create();
        var runId = await h.TriggerAsync(Amr);

        // prepare_samples 2-14, run_fastqc 14-26, run_amrfinderplus (x3) 26-38, collect_results 38-50.
        h.Clock.Advance(TimeSpan.FromSeconds(30));
        var during = await h.TaskStatesAsync(Amr, runId);
        h.Clock.Advance(TimeSpan.FromSeconds(9));
        var after = await h.TaskStatesAsync(Amr, runId);

        during.Keys.ShouldBe(["prepare_samples", "run_fastqc", "run_amrfinderplus[0]", "run_amrfinderplus[1]", "run_amrfinderplus[2]", "collect_results"], ignoreOrder: true);
        new[] { during["run_amrfinderplus[0]"], during["run_amrfinderplus[1]"], during["run_amrfinderplus[2]"] }.ShouldAllBe(s => s == "running");
        during["collect_results"].ShouldBeNull();
        after["run_amrfinderplus[2]"].ShouldBe("success");
        after["collect_results"].ShouldBe("queued");
    }

    [Fact]
    public async Task FailTask_Middle_FailsRunAndMarksDownstreamUpstreamFailed()
    {
        await using var h = EmulatorHarness.Create();
        h.Emulator.Faults.FailTask(Screen, "run_kraken2");
        var runId = await h.TriggerAsync(Screen);

        h.Clock.Advance(TimeSpan.FromSeconds(20));
        var midway = await h.RunStateAsync(Screen, runId);
        h.Clock.Advance(TimeSpan.FromSeconds(10));

        midway.ShouldBe("running");
        (await h.RunStateAsync(Screen, runId)).ShouldBe("failed");
        var tasks = await h.TaskStatesAsync(Screen, runId);
        tasks["prepare_samples"].ShouldBe("success");
        tasks["run_kraken2"].ShouldBe("failed");
        tasks["publish_report"].ShouldBe("upstream_failed");
    }

    [Fact]
    public async Task FailTask_Mapped_FailsEveryInstanceAndTheRun()
    {
        await using var h = EmulatorHarness.Create();
        h.Emulator.Faults.FailTask(Amr, "run_amrfinderplus");
        var runId = await h.TriggerAsync(Amr);

        h.Clock.Advance(TimeSpan.FromMinutes(2));

        (await h.RunStateAsync(Amr, runId)).ShouldBe("failed");
        var tasks = await h.TaskStatesAsync(Amr, runId);
        tasks["run_amrfinderplus[1]"].ShouldBe("failed");
        tasks["collect_results"].ShouldBe("upstream_failed");
    }

    [Fact]
    public async Task FailTask_AfterTheTaskFinished_DoesNotRewriteHistory()
    {
        await using var h = EmulatorHarness.Create();
        var runId = await h.TriggerAsync(Screen);
        h.Clock.Advance(TimeSpan.FromSeconds(20));

        h.Emulator.Faults.FailTask(Screen, "prepare_samples");
        h.Clock.Advance(TimeSpan.FromMinutes(1));

        (await h.RunStateAsync(Screen, runId)).ShouldBe("success");
    }

    [Fact]
    public async Task PausedDag_Run_StaysQueuedUntilUnpaused()
    {
        await using var h = EmulatorHarness.Create();
        var runId = await h.TriggerAsync("nightly_cleanup");

        h.Clock.Advance(TimeSpan.FromHours(1));
        var whilePaused = await h.RunStateAsync("nightly_cleanup", runId);
        h.Emulator.SetPaused("nightly_cleanup", false);
        h.Clock.Advance(TimeSpan.FromSeconds(14));

        whilePaused.ShouldBe("queued");
        var run = await h.RunAsync("nightly_cleanup", runId);
        run["state"]!.GetValue<string>().ShouldBe("success");
        run["start_date"]!.GetValue<string>().ShouldBe("2026-01-15T10:00:02Z");
    }
}
