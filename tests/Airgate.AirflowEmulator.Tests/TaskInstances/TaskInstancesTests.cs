using System.Net;
using Airgate.AirflowEmulator.Tests.Support;

namespace Airgate.AirflowEmulator.Tests.TaskInstances;

public sealed class TaskInstancesTests
{
    private const string Amr = "bactopia_amr_analysis";

    [Fact]
    public async Task GetTaskInstances_MappedRun_ListsOneInstancePerMapIndex()
    {
        await using var h = EmulatorHarness.Create();
        var runId = await h.TriggerAsync(Amr);

        var answer = await h.GetAsync(Path(runId));

        answer.Status.ShouldBe(HttpStatusCode.OK);
        answer.Json["total_entries"]!.GetValue<int>().ShouldBe(6);
        var instances = answer.Json["task_instances"]!.AsArray();
        instances.Select(t => t!["task_id"]!.GetValue<string>()).ShouldBe(
            ["prepare_samples", "run_fastqc", "collect_results", "run_amrfinderplus", "run_amrfinderplus", "run_amrfinderplus"]);
        instances.Select(t => t!["map_index"]!.GetValue<int>()).ShouldBe([-1, -1, -1, 0, 1, 2]);
    }

    [Theory]
    [InlineData("state=success", 2)]
    [InlineData("state=running&state=success", 5)]
    [InlineData("task_id=run_amrfinderplus", 3)]
    [InlineData("task_id=run_amrfinderplus&state=running", 3)]
    [InlineData("limit=2", 6)]
    public async Task GetTaskInstances_Filters_CountMatches(string query, int total)
    {
        await using var h = EmulatorHarness.Create();
        var runId = await h.TriggerAsync(Amr);
        h.Clock.Advance(TimeSpan.FromSeconds(30));

        var answer = await h.GetAsync($"{Path(runId)}?{query}");

        answer.Json["total_entries"]!.GetValue<int>().ShouldBe(total);
    }

    [Fact]
    public async Task GetTaskInstances_TildeRun_ListsInstancesOfEveryRun()
    {
        await using var h = EmulatorHarness.Create();
        await h.TriggerAsync(Amr, """{"dag_run_id": "one"}""");
        await h.TriggerAsync(Amr, """{"dag_run_id": "two"}""");

        var answer = await h.GetAsync($"api/v2/dags/{Amr}/dagRuns/~/taskInstances?task_id=collect_results");

        answer.Json["task_instances"]!.AsArray().Select(t => t!["dag_run_id"]!.GetValue<string>()).ShouldBe(["one", "two"]);
    }

    [Fact]
    public async Task GetTaskInstances_TildeDagAndRun_ListsInstancesAcrossDags()
    {
        await using var h = EmulatorHarness.Create();
        await h.TriggerAsync(Amr);
        await h.TriggerAsync("reference_download", """{"conf": {"accession": "GCA_000001405.29"}}""");

        var answer = await h.GetAsync("api/v2/dags/~/dagRuns/~/taskInstances?limit=1");

        answer.Json["total_entries"]!.GetValue<int>().ShouldBe(8);
        answer.Json["task_instances"]!.AsArray().Count.ShouldBe(1);
    }

    [Fact]
    public async Task GetTaskInstances_UnknownRun_Returns404()
    {
        await using var h = EmulatorHarness.Create();

        var answer = await h.GetAsync(Path("ghost"));

        answer.Status.ShouldBe(HttpStatusCode.NotFound);
        answer.Detail.ShouldBe($"The DagRun with dag_id: `{Amr}` and run_id: `ghost` was not found");
    }

    [Fact]
    public async Task GetTaskInstances_OrderByUnknown_Returns400()
    {
        await using var h = EmulatorHarness.Create();
        var runId = await h.TriggerAsync(Amr);

        var answer = await h.GetAsync($"{Path(runId)}?order_by=colour");

        answer.Status.ShouldBe(HttpStatusCode.BadRequest);
        answer.Detail.ShouldBe("Ordering with 'colour' is disallowed or the attribute does not exist on the model");
    }

    [Fact]
    public async Task GetTaskInstance_Unmapped_ReturnsIt()
    {
        await using var h = EmulatorHarness.Create();
        var runId = await h.TriggerAsync(Amr);
        h.Clock.Advance(TimeSpan.FromSeconds(5));

        var answer = await h.GetAsync($"{Path(runId)}/prepare_samples");

        answer.Status.ShouldBe(HttpStatusCode.OK);
        answer.Json["state"]!.GetValue<string>().ShouldBe("running");
        answer.Json["map_index"]!.GetValue<int>().ShouldBe(-1);
        answer.Json["dag_run_id"]!.GetValue<string>().ShouldBe(runId);
    }

    [Fact]
    public async Task GetTaskInstance_Mapped_Returns404AskingForMapIndex()
    {
        await using var h = EmulatorHarness.Create();
        var runId = await h.TriggerAsync(Amr);

        var answer = await h.GetAsync($"{Path(runId)}/run_amrfinderplus");

        answer.Status.ShouldBe(HttpStatusCode.NotFound);
        answer.Detail.ShouldBe("Task instance is mapped, add the map_index value to the URL");
    }

    [Fact]
    public async Task GetTaskInstance_UnknownTask_Returns404()
    {
        await using var h = EmulatorHarness.Create();
        var runId = await h.TriggerAsync(Amr);

        var answer = await h.GetAsync($"{Path(runId)}/ghost");

        answer.Status.ShouldBe(HttpStatusCode.NotFound);
        answer.Detail.ShouldBe($"The Task Instance with dag_id: `{Amr}`, run_id: `{runId}` and task_id: `ghost` was not found");
    }

    [Fact]
    public async Task GetMappedTaskInstance_ExistingIndex_ReturnsIt()
    {
        await using var h = EmulatorHarness.Create();
        var runId = await h.TriggerAsync(Amr);

        var answer = await h.GetAsync($"{Path(runId)}/run_amrfinderplus/2");

        answer.Status.ShouldBe(HttpStatusCode.OK);
        answer.Json["map_index"]!.GetValue<int>().ShouldBe(2);
        answer.Json["rendered_map_index"]!.GetValue<string>().ShouldBe("2");
    }

    [Theory]
    [InlineData("run_amrfinderplus/3")]
    [InlineData("run_amrfinderplus/-1")]
    [InlineData("prepare_samples/0")]
    public async Task GetMappedTaskInstance_NoSuchIndex_Returns404(string suffix)
    {
        await using var h = EmulatorHarness.Create();
        var runId = await h.TriggerAsync(Amr);

        var answer = await h.GetAsync($"{Path(runId)}/{suffix}");

        answer.Status.ShouldBe(HttpStatusCode.NotFound);
        answer.Detail!.ShouldStartWith("The Mapped Task Instance with dag_id:");
    }

    [Fact]
    public async Task GetMappedTaskInstance_IndexNotAnInteger_Returns422()
    {
        await using var h = EmulatorHarness.Create();
        var runId = await h.TriggerAsync(Amr);

        var answer = await h.GetAsync($"{Path(runId)}/run_amrfinderplus/first");

        answer.Status.ShouldBe(HttpStatusCode.UnprocessableEntity);
        answer.Json["detail"]![0]!["loc"]!.AsArray().Select(n => n!.GetValue<string>()).ShouldBe(["path", "map_index"]);
    }

    [Fact]
    public async Task ListMapped_MappedTask_ListsEveryIndex()
    {
        await using var h = EmulatorHarness.Create();
        var runId = await h.TriggerAsync(Amr);

        var answer = await h.GetAsync($"{Path(runId)}/run_amrfinderplus/listMapped");

        answer.Status.ShouldBe(HttpStatusCode.OK);
        answer.Json["total_entries"]!.GetValue<int>().ShouldBe(3);
        answer.Json["task_instances"]!.AsArray().Select(t => t!["map_index"]!.GetValue<int>()).ShouldBe([0, 1, 2]);
    }

    [Fact]
    public async Task ListMapped_UnknownTask_Returns404()
    {
        await using var h = EmulatorHarness.Create();
        var runId = await h.TriggerAsync(Amr);

        var answer = await h.GetAsync($"{Path(runId)}/ghost/listMapped");

        answer.Status.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task GetLog_FinishedTask_ReturnsStructuredContentWithoutContinuation()
    {
        await using var h = EmulatorHarness.Create();
        var runId = await h.TriggerAsync(Amr);
        h.Clock.Advance(TimeSpan.FromMinutes(2));

        var answer = await h.GetAsync($"{Path(runId)}/run_amrfinderplus/logs/1?map_index=1&full_content=true");

        answer.Status.ShouldBe(HttpStatusCode.OK);
        var content = answer.Json["content"]!.AsArray();
        content.Count.ShouldBeGreaterThan(1);
        content.ShouldAllBe(line => line!["event"] != null && line["timestamp"] != null);
        content[^1]!["event"]!.GetValue<string>().ShouldContain("success");
        answer.Json["continuation_token"].ShouldBeNull();
    }

    [Fact]
    public async Task GetLog_RunningTask_HasContinuationToken()
    {
        await using var h = EmulatorHarness.Create();
        var runId = await h.TriggerAsync(Amr);
        h.Clock.Advance(TimeSpan.FromSeconds(5));

        var answer = await h.GetAsync($"{Path(runId)}/prepare_samples/logs/1");

        answer.Json["continuation_token"]!.GetValue<string>().ShouldNotBeNullOrEmpty();
    }

    [Theory]
    [InlineData("prepare_samples/logs/1", HttpStatusCode.NotFound)]
    [InlineData("prepare_samples/logs/2", HttpStatusCode.NotFound)]
    [InlineData("prepare_samples/logs/0", HttpStatusCode.UnprocessableEntity)]
    [InlineData("prepare_samples/logs/one", HttpStatusCode.UnprocessableEntity)]
    public async Task GetLog_NotStartedOrBadTry_Answers404Or422(string suffix, HttpStatusCode expected)
    {
        await using var h = EmulatorHarness.Create();
        var runId = await h.TriggerAsync(Amr);

        var answer = await h.GetAsync($"{Path(runId)}/{suffix}");

        answer.Status.ShouldBe(expected);
    }

    private static string Path(string runId) => $"api/v2/dags/{Amr}/dagRuns/{Uri.EscapeDataString(runId)}/taskInstances";
}
