using System.Net;
using System.Text;
using Airgate.AirflowEmulator.Tests.Support;
using Airgate.Testing;

namespace Airgate.AirflowEmulator.Tests.Hosting;

public sealed class EmulatorApiTests
{
    [Fact]
    public void Constructor_InvalidOptions_ListsEveryProblem()
    {
        var error = Should.Throw<ArgumentException>(() => new AirflowEmulator(new EmulatorOptions
        {
            TaskDuration = TimeSpan.Zero,
            MaximumPageLimit = 0,
        }));

        error.Message.ShouldContain("TaskDuration");
        error.Message.ShouldContain("MaximumPageLimit");
    }

    [Fact]
    public async Task DagIds_ExampleFixtures_ListsThemInOrder()
    {
        await using var h = EmulatorHarness.Create();

        h.Emulator.DagIds.ShouldBe(["bactopia_amr_analysis", "bactopia_species_screen", "nightly_cleanup", "reference_download"]);
    }

    [Fact]
    public async Task AddRun_UnknownDagOrState_Throws()
    {
        await using var h = EmulatorHarness.Create();

        Should.Throw<ArgumentException>(() => h.Emulator.AddRun(new SeededRun { DagId = "ghost", RunAfter = h.Clock.GetUtcNow() }));
        Should.Throw<ArgumentException>(() => h.Emulator.AddRun(new SeededRun { DagId = "nightly_cleanup", RunAfter = h.Clock.GetUtcNow(), State = "cancelled" }));
    }

    [Fact]
    public async Task AddRun_DuplicateRunId_Throws()
    {
        await using var h = EmulatorHarness.Create();
        h.Emulator.AddRun(new SeededRun { DagId = "nightly_cleanup", RunId = "dup", RunAfter = h.Clock.GetUtcNow() });

        Should.Throw<InvalidOperationException>(() => h.Emulator.AddRun(new SeededRun { DagId = "nightly_cleanup", RunId = "dup", RunAfter = h.Clock.GetUtcNow() }));
    }

    [Fact]
    public async Task AddRun_WithoutState_ProgressesLikeATriggeredRun()
    {
        await using var h = EmulatorHarness.Create();
        var runId = h.Emulator.AddRun(new SeededRun { DagId = "reference_download", RunAfter = h.Clock.GetUtcNow().AddMinutes(-10) });

        (await h.RunStateAsync("reference_download", runId)).ShouldBe("success");
        h.Emulator.Requests.ShouldNotContain(r => r.Method == "POST");
    }

    [Fact]
    public async Task Trigger_ConcurrentSameRunId_ExactlyOneSucceeds()
    {
        await using var h = EmulatorHarness.Create();

        var answers = await Task.WhenAll(Enumerable.Range(0, 40).Select(_ =>
            h.PostAsync("api/v2/dags/bactopia_species_screen/dagRuns", """{"dag_run_id": "race"}""")));

        answers.Count(a => a.Status == HttpStatusCode.OK).ShouldBe(1);
        answers.Count(a => a.Status == HttpStatusCode.Conflict).ShouldBe(39);
        (await h.GetAsync("api/v2/dags/bactopia_species_screen/dagRuns")).Json["total_entries"]!.GetValue<int>().ShouldBe(1);
    }

    [Fact]
    public async Task InMemoryAndKestrel_SameEmulator_ShareOneState()
    {
        await using var emulator = new AirflowEmulator(new EmulatorOptions { FixturesPath = EmulatorHarness.FixturesPath }, new ManualTimeProvider());
        using var overHttp = new HttpClient { BaseAddress = await emulator.StartAsync() };
        using var inMemory = new HttpClient(emulator.CreateHandler()) { BaseAddress = new Uri("http://airflow.test/") };
        var auth = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", emulator.IssueToken());
        overHttp.DefaultRequestHeaders.Authorization = auth;
        inMemory.DefaultRequestHeaders.Authorization = auth;

        using var trigger = await overHttp.PostAsync("api/v2/dags/nightly_cleanup/dagRuns", new StringContent("""{"dag_run_id": "shared"}""", Encoding.UTF8, "application/json"));
        using var read = await inMemory.GetAsync("api/v2/dags/nightly_cleanup/dagRuns/shared");

        trigger.StatusCode.ShouldBe(HttpStatusCode.OK);
        read.StatusCode.ShouldBe(HttpStatusCode.OK);
        emulator.Requests.Count.ShouldBe(2);
    }

    [Fact]
    public async Task GetLog_AcceptNdjson_StreamsOneJsonObjectPerLine()
    {
        await using var h = EmulatorHarness.Create();
        var runId = await h.TriggerAsync("nightly_cleanup");
        h.Emulator.SetPaused("nightly_cleanup", false);
        h.Clock.Advance(TimeSpan.FromMinutes(1));
        using var request = new HttpRequestMessage(HttpMethod.Get, $"api/v2/dags/nightly_cleanup/dagRuns/{Uri.EscapeDataString(runId)}/taskInstances/vacuum/logs/1");
        request.Headers.Accept.ParseAdd("application/x-ndjson");

        using var response = await h.Unchecked.SendAsync(request);
        var lines = (await response.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);

        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/x-ndjson");
        lines.Length.ShouldBeGreaterThan(1);
        lines.ShouldAllBe(line => System.Text.Json.Nodes.JsonNode.Parse(line, null, default)!["event"] != null);
    }
}
