using System.Net;
using Airgate.AirflowEmulator.Tests.Support;

namespace Airgate.AirflowEmulator.Tests.DagRuns;

public sealed class PatchDagRunTests
{
    private const string Screen = "bactopia_species_screen";

    [Fact]
    public async Task Patch_FailedWhileRunning_FailsRunningTaskAndSkipsTheRest()
    {
        await using var h = EmulatorHarness.Create();
        var runId = await h.TriggerAsync(Screen);
        h.Clock.Advance(TimeSpan.FromSeconds(20));

        var answer = await h.PatchAsync(RunPath(runId), """{"state": "failed"}""");
        h.Clock.Advance(TimeSpan.FromMinutes(5));

        answer.Status.ShouldBe(HttpStatusCode.OK);
        answer.Json["state"]!.GetValue<string>().ShouldBe("failed");
        answer.Json["end_date"]!.GetValue<string>().ShouldBe("2026-01-15T09:00:20Z");
        (await h.RunStateAsync(Screen, runId)).ShouldBe("failed");
        var tasks = await h.TaskStatesAsync(Screen, runId);
        tasks["prepare_samples"].ShouldBe("success");
        tasks["run_kraken2"].ShouldBe("failed");
        tasks["publish_report"].ShouldBe("skipped");
    }

    [Fact]
    public async Task Patch_SuccessWhileQueued_MarksEveryTaskSuccess()
    {
        await using var h = EmulatorHarness.Create();
        var runId = await h.TriggerAsync(Screen);

        var answer = await h.PatchAsync(RunPath(runId), """{"state": "success"}""");

        answer.Json["state"]!.GetValue<string>().ShouldBe("success");
        (await h.TaskStatesAsync(Screen, runId)).Values.ShouldAllBe(s => s == "success");
    }

    [Fact]
    public async Task Patch_QueuedAfterFailure_RunsAgainFromTheStart()
    {
        await using var h = EmulatorHarness.Create();
        var runId = await h.TriggerAsync(Screen);
        await h.PatchAsync(RunPath(runId), """{"state": "failed"}""");
        h.Clock.Advance(TimeSpan.FromMinutes(1));

        var answer = await h.PatchAsync(RunPath(runId), """{"state": "queued"}""");
        h.Clock.Advance(TimeSpan.FromSeconds(40));

        answer.Json["state"]!.GetValue<string>().ShouldBe("queued");
        (await h.RunStateAsync(Screen, runId)).ShouldBe("success");
    }

    [Fact]
    public async Task Patch_Note_SetsNoteAndKeepsState()
    {
        await using var h = EmulatorHarness.Create();
        var runId = await h.TriggerAsync(Screen);

        var answer = await h.PatchAsync(RunPath(runId), """{"note": "checked by carol"}""");

        answer.Json["note"]!.GetValue<string>().ShouldBe("checked by carol");
        answer.Json["state"]!.GetValue<string>().ShouldBe("queued");
    }

    [Fact]
    public async Task Patch_UpdateMaskNote_IgnoresStateInTheBody()
    {
        await using var h = EmulatorHarness.Create();
        var runId = await h.TriggerAsync(Screen);

        var answer = await h.PatchAsync(RunPath(runId) + "?update_mask=note", """{"state": "failed", "note": "only this"}""");

        answer.Json["state"]!.GetValue<string>().ShouldBe("queued");
        answer.Json["note"]!.GetValue<string>().ShouldBe("only this");
    }

    [Fact]
    public async Task Patch_UpdateMaskRepeated_AppliesBoth()
    {
        await using var h = EmulatorHarness.Create();
        var runId = await h.TriggerAsync(Screen);

        var answer = await h.PatchAsync(RunPath(runId) + "?update_mask=note&update_mask=state", """{"state": "failed", "note": "stop"}""");

        answer.Json["state"]!.GetValue<string>().ShouldBe("failed");
        answer.Json["note"]!.GetValue<string>().ShouldBe("stop");
    }

    [Theory]
    [InlineData("""{"state": "running"}""", "enum", "state")]
    [InlineData("""{"state": "cancelled"}""", "enum", "state")]
    [InlineData("""{"state": "failed", "reason": "x"}""", "extra_forbidden", "reason")]
    [InlineData("""{"note": 5}""", "string_type", "note")]
    public async Task Patch_InvalidBody_Returns422(string body, string type, string field)
    {
        await using var h = EmulatorHarness.Create();
        var runId = await h.TriggerAsync(Screen);

        var answer = await h.PatchAsync(RunPath(runId), body);

        answer.Status.ShouldBe(HttpStatusCode.UnprocessableEntity);
        var problem = answer.Json["detail"]![0]!;
        problem["type"]!.GetValue<string>().ShouldBe(type);
        problem["loc"]!.AsArray().Select(n => n!.GetValue<string>()).ShouldBe(["body", field]);
        (await h.RunStateAsync(Screen, runId)).ShouldBe("queued");
    }

    [Fact]
    public async Task Patch_NoteOver1000Characters_Returns422StringTooLong()
    {
        await using var h = EmulatorHarness.Create();
        var runId = await h.TriggerAsync(Screen);

        var answer = await h.PatchAsync(RunPath(runId), $$"""{"note": "{{new string('n', 1001)}}"}""");
        var atLimit = await h.PatchAsync(RunPath(runId), $$"""{"note": "{{new string('n', 1000)}}"}""");

        answer.Status.ShouldBe(HttpStatusCode.UnprocessableEntity);
        answer.Json["detail"]![0]!["type"]!.GetValue<string>().ShouldBe("string_too_long");
        answer.Json["detail"]![0]!["ctx"]!["max_length"]!.GetValue<int>().ShouldBe(1000);
        atLimit.Status.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Patch_UnknownRun_Returns404()
    {
        await using var h = EmulatorHarness.Create();

        var answer = await h.PatchAsync(RunPath("ghost"), """{"state": "failed"}""");

        answer.Status.ShouldBe(HttpStatusCode.NotFound);
        answer.Detail.ShouldBe("The DagRun with dag_id: `bactopia_species_screen` and run_id: `ghost` was not found");
    }

    private static string RunPath(string runId) => $"api/v2/dags/{Screen}/dagRuns/{Uri.EscapeDataString(runId)}";
}
