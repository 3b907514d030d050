using System.Net;
using System.Text.Json.Nodes;
using Airgate.AirflowEmulator.Tests.Support;

namespace Airgate.AirflowEmulator.Tests.TaskInstances;

/// <summary>Logs that grow with continuation tokens, per try and map index, and Airflow's clear; every answer checked against the 3.2.1 spec.</summary>
public sealed class LogsAndClearTests
{
    private const string Amr = "bactopia_amr_analysis";

    [Fact]
    public async Task GetLog_RunningTask_GrowsAndTheTokenGivesOnlyNewLinesUntilTheEnd()
    {
        await using var h = EmulatorHarness.Create();
        var runId = await h.TriggerAsync(Amr);
        h.Clock.Advance(TimeSpan.FromSeconds(4.5)); // prepare_samples runs from 4 s to 14 s

        var first = await h.GetAsync($"{Path(runId)}/prepare_samples/logs/1");
        h.Clock.Advance(TimeSpan.FromSeconds(4));
        var second = await h.GetAsync($"{Path(runId)}/prepare_samples/logs/1?token={Token(first)}");
        h.Clock.Advance(TimeSpan.FromSeconds(10));
        var last = await h.GetAsync($"{Path(runId)}/prepare_samples/logs/1?token={Token(second)}");
        var whole = await h.GetAsync($"{Path(runId)}/prepare_samples/logs/1?token={Token(first)}&full_content=true");

        var events = (JsonAnswer a) => a.Json["content"]!.AsArray().Select(l => l!["event"]!.GetValue<string>()).ToList();
        events(first).Count.ShouldBe(2);
        events(second).ShouldBe(["Emulated work 10% done", "Emulated work 20% done", "Emulated work 30% done", "Emulated work 40% done"]);
        events(last)[^1].ShouldContain("success");
        last.Json["continuation_token"].ShouldBeNull();
        events(whole).ShouldBe([.. events(first), .. events(second), .. events(last)]);
    }

    [Fact]
    public async Task GetLog_MappedInstancesAndPadding_EachMapIndexHasItsOwnLog()
    {
        await using var h = EmulatorHarness.Create();
        h.Emulator.Logs.Pad(Amr, "run_amrfinderplus", 50);
        var runId = await h.TriggerAsync(Amr);
        h.Clock.Advance(TimeSpan.FromMinutes(2));

        var two = await h.GetAsync($"{Path(runId)}/run_amrfinderplus/logs/1?map_index=2");
        var missing = await h.GetAsync($"{Path(runId)}/run_amrfinderplus/logs/1?map_index=7");

        two.Json["content"]!.AsArray()[0]!["event"]!.GetValue<string>().ShouldContain("map_index 2");
        two.Json["content"]!.AsArray().Count.ShouldBe(2 + 50 + 9 + 1);
        missing.Status.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task GetLog_Ndjson_StreamsOneEntryPerLine()
    {
        await using var h = EmulatorHarness.Create();
        var runId = await h.TriggerAsync(Amr);
        h.Clock.Advance(TimeSpan.FromSeconds(20));
        using var request = new HttpRequestMessage(HttpMethod.Get, $"{Path(runId)}/prepare_samples/logs/1");
        request.Headers.Accept.ParseAdd("application/x-ndjson");

        using var response = await h.Client.SendAsync(request);

        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/x-ndjson");
        var lines = (await response.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines.Length.ShouldBe(2 + 9 + 1);
        lines.ShouldAllBe(line => JsonNode.Parse(line)!["event"] != null);
    }

    [Theory]
    [InlineData("token=not-a-token")]
    [InlineData("token=eyJ4IjoxfQ")]
    public async Task GetLog_ForeignToken_Is400BadSignature(string query)
    {
        await using var h = EmulatorHarness.Create();
        var runId = await h.TriggerAsync(Amr);
        h.Clock.Advance(TimeSpan.FromSeconds(5));

        // Airflow answers a foreign token 400 though its spec lists no 400 for get_log: unchecked, as Airflow does it.
        var answer = await h.GetAsync($"{Path(runId)}/prepare_samples/logs/1?{query}", h.Unchecked);

        answer.Status.ShouldBe(HttpStatusCode.BadRequest);
        answer.Detail!.ShouldContain("Bad Signature");
    }

    [Fact]
    public async Task Clear_FailedRun_DryRunByDefaultThenResetsFailedInstancesAndTheRunRunsAgain()
    {
        await using var h = EmulatorHarness.Create();
        h.Emulator.Faults.FailTask(Amr, "run_fastqc");
        var runId = await h.TriggerAsync(Amr);
        h.Clock.Advance(TimeSpan.FromMinutes(2));
        (await h.GetAsync($"api/v2/dags/{Amr}/dagRuns/{Uri.EscapeDataString(runId)}")).Json["state"]!.GetValue<string>().ShouldBe("failed");
        var body = $$"""{"dag_run_id": "{{runId}}", "only_failed": true}""";

        var dry = await h.PostAsync($"api/v2/dags/{Amr}/clearTaskInstances", body);
        var stillFailed = await h.GetAsync($"api/v2/dags/{Amr}/dagRuns/{Uri.EscapeDataString(runId)}");
        var cleared = await h.PostAsync($"api/v2/dags/{Amr}/clearTaskInstances", $$"""{"dag_run_id": "{{runId}}", "dry_run": false}""");
        h.Emulator.Faults.Reset(); // the second try succeeds
        var queued = await h.GetAsync($"api/v2/dags/{Amr}/dagRuns/{Uri.EscapeDataString(runId)}");
        h.Clock.Advance(TimeSpan.FromMinutes(2));
        var done = await h.GetAsync($"api/v2/dags/{Amr}/dagRuns/{Uri.EscapeDataString(runId)}");
        var instances = await h.GetAsync(Path(runId));

        var names = (JsonAnswer a) => a.Json["task_instances"]!.AsArray().Select(t => $"{t!["task_id"]}:{t["map_index"]}:{t["state"]}").ToList();
        names(dry).ShouldBe(["run_fastqc:-1:failed", "collect_results:-1:upstream_failed", "run_amrfinderplus:0:upstream_failed", "run_amrfinderplus:1:upstream_failed", "run_amrfinderplus:2:upstream_failed"], ignoreOrder: true);
        dry.Json["total_entries"]!.GetValue<int>().ShouldBe(5);
        stillFailed.Json["state"]!.GetValue<string>().ShouldBe("failed");
        names(cleared).Count.ShouldBe(5);
        queued.Json["state"]!.GetValue<string>().ShouldBe("queued");
        done.Json["state"]!.GetValue<string>().ShouldBe("success");
        var tries = instances.Json["task_instances"]!.AsArray().ToDictionary(t => $"{t!["task_id"]}:{t["map_index"]}", t => t!["try_number"]!.GetValue<int>());
        tries["prepare_samples:-1"].ShouldBe(1);
        tries["run_fastqc:-1"].ShouldBe(2);
        var firstTry = await h.GetAsync($"{Path(runId)}/run_fastqc/logs/1");
        var secondTry = await h.GetAsync($"{Path(runId)}/run_fastqc/logs/2");
        firstTry.Json["content"]!.AsArray()[^1]!["event"]!.GetValue<string>().ShouldContain("failed");
        secondTry.Json["content"]!.AsArray()[^1]!["event"]!.GetValue<string>().ShouldContain("success");
    }

    [Theory]
    [InlineData("""{"dry_run": "no"}""")]
    [InlineData("""{"only_failed": 1}""")]
    [InlineData("""{"task_ids": "run_fastqc"}""")]
    [InlineData("""{"task_ids": [5]}""")]
    [InlineData("""{"surprise": true}""")]
    [InlineData("""[]""")]
    public async Task Clear_BadBody_Is422(string body)
    {
        await using var h = EmulatorHarness.Create();

        var answer = await h.PostAsync($"api/v2/dags/{Amr}/clearTaskInstances", body);

        answer.Status.ShouldBe(HttpStatusCode.UnprocessableEntity);
    }

    [Fact]
    public async Task Clear_UnknownRunOrDag_Is404()
    {
        await using var h = EmulatorHarness.Create();

        (await h.PostAsync($"api/v2/dags/{Amr}/clearTaskInstances", """{"dag_run_id": "nope"}""")).Status.ShouldBe(HttpStatusCode.NotFound);
        (await h.PostAsync("api/v2/dags/no_dag/clearTaskInstances", """{"dag_run_id": "nope"}""")).Status.ShouldBe(HttpStatusCode.NotFound);
    }

    private static string Token(JsonAnswer answer) => Uri.EscapeDataString(answer.Json["continuation_token"]!.GetValue<string>());

    private static string Path(string runId) => $"api/v2/dags/{Amr}/dagRuns/{Uri.EscapeDataString(runId)}/taskInstances";
}
