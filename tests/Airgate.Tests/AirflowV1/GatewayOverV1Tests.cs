using System.Net;
using System.Text.Json.Nodes;
using Airgate.AirflowEmulator;
using Airgate.Testing;
using Airgate.Tests.Infrastructure;
using Airgate.Tests.Runs;

namespace Airgate.Tests.AirflowV1;

/// <summary>The same gateway over Airflow 2's <c>/api/v1</c> (the emulator speaking v1, the gateway on <c>auto</c>).</summary>
public sealed class GatewayOverV1Tests
{
    private const string TriggerPath = "/api/v1/dags/bactopia_species_screen/dagRuns";

    private static Gateway Start(ManualTimeProvider? clock = null) => Gateway.Start(options =>
    {
        options.Clock = clock;
        options.Emulator = new EmulatorOptions { FixturesPath = Path.Combine(RepositoryPaths.Root, "examples", "emulator", "dags"), Api = EmulatedApi.V1 };
        options.Settings["Airgate:Airflow:ApiVersion"] = "auto";
    });

    private static int V1TriggerPosts(Gateway gateway, string dagId = RunBodies.Screen) =>
        gateway.Emulator.Requests.Count(r => r.Method == "POST" && r.Path == $"/api/v1/dags/{dagId}/dagRuns");

    [Fact]
    public async Task Catalog_OverV1_SameWorkflowsAndParams()
    {
        await using var gateway = Start();

        var workflows = await (await gateway.Client.GetAsync("/api/v1/workflows")).ShouldBeJsonAsync();
        var reference = await (await gateway.Client.GetAsync("/api/v1/workflows/reference_download")).ShouldBeJsonAsync();
        var tasks = await (await gateway.Client.GetAsync("/api/v1/workflows/bactopia_species_screen/tasks")).ShouldBeJsonAsync();

        workflows.GetProperty("workflows").EnumerateArray().Select(w => w.GetProperty("dag_id").GetString()).ShouldContain("bactopia_species_screen");
        reference.GetProperty("parameters_source").GetString().ShouldBe("dag_params");
        tasks.GetProperty("tasks").GetArrayLength().ShouldBeGreaterThan(0);
        gateway.Emulator.Requests.ShouldContain(r => r.Path == "/api/v1/version");
        gateway.Emulator.Requests.ShouldNotContain(r => r.Path.StartsWith("/api/v2/dags", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Readiness_OverV1_SaysWhichApiAirgateSpeaks()
    {
        await using var gateway = Start();

        var ready = await (await gateway.Client.GetAsync("/health/ready")).ShouldBeJsonAsync();

        ready.GetProperty("checks").GetProperty("airflow").GetProperty("detail").GetString().ShouldBe(
            "Airflow answers and accepts Airgate's credentials (Airflow 2, /api/v1: see the README for what differs)");
        gateway.Emulator.Requests.ShouldContain(r => r.Path == "/api/v1/health");
    }

    [Theory]
    [InlineData(LostAnswer.DropConnection)]
    [InlineData(LostAnswer.GatewayTimeout)]
    public async Task Trigger_AnswerLostThenRetriedWithKey_OneRunOverV1(LostAnswer how)
    {
        await using var gateway = Start();
        gateway.Emulator.Faults.LoseAnswer(HttpMethod.Post, TriggerPath, how: how);

        var lost = await gateway.Client.TriggerAsync(RunBodies.ValidScreen(), "retry-me");
        var problem = await lost.ShouldBeProblemAsync(lost.StatusCode);
        var runId = problem.GetProperty("dag_run_id").GetString();
        var retried = await (await gateway.Client.TriggerAsync(RunBodies.ValidScreen(), "retry-me")).ShouldBeJsonAsync(HttpStatusCode.OK);

        ((int)lost.StatusCode).ShouldBeOneOf(502, 504);
        problem.GetProperty("run_may_exist").GetBoolean().ShouldBeTrue();
        retried.GetProperty("dag_run_id").GetString().ShouldBe(runId);
        V1TriggerPosts(gateway).ShouldBe(1);
        var list = await (await gateway.Client.GetAsync(RunBodies.ScreenRuns)).ShouldBeJsonAsync();
        list.GetProperty("total_entries").GetInt64().ShouldBe(1);
    }

    [Fact]
    public async Task Trigger_FailedBeforeCreatingThenRetried_SameRunIdOnceOverV1()
    {
        await using var gateway = Start();
        gateway.Emulator.Faults.RespondWithStatus(HttpMethod.Post, TriggerPath, 502);

        var problem = await (await gateway.Client.TriggerAsync(RunBodies.ValidScreen(), "k")).ShouldBeProblemAsync(HttpStatusCode.BadGateway);
        var retried = await (await gateway.Client.TriggerAsync(RunBodies.ValidScreen(), "k")).ShouldBeJsonAsync(HttpStatusCode.OK);

        retried.GetProperty("dag_run_id").GetString().ShouldBe(problem.GetProperty("dag_run_id").GetString());
        V1TriggerPosts(gateway).ShouldBe(2);
        gateway.Emulator.Requests.Where(r => r.Method == "POST").Select(r => JsonNode.Parse(r.Body)!["dag_run_id"]!.GetValue<string>()).Distinct().Count().ShouldBe(1);
    }

    [Fact]
    public async Task RunLifecycle_TriggerMineProgressStop_OverV1()
    {
        var clock = new ManualTimeProvider();
        await using var gateway = Start(clock);
        var alice = gateway.ClientFor("alice");

        var run = await (await alice.TriggerAsync(RunBodies.ValidScreen())).ShouldBeJsonAsync(HttpStatusCode.Created);
        var path = RunBodies.RunPath(run);
        clock.Advance(TimeSpan.FromSeconds(10));
        var mine = await (await alice.GetAsync("/api/v1/workflows/~/runs?mine=true")).ShouldBeJsonAsync();
        var notBobs = await (await gateway.ClientFor("bob").GetAsync("/api/v1/workflows/~/runs?mine=true")).ShouldBeJsonAsync();
        var running = await (await alice.GetAsync(path)).ShouldBeJsonAsync();
        var tasks = await (await alice.GetAsync(path + "/tasks")).ShouldBeJsonAsync();
        var stopped = await (await alice.PatchJsonAsync(path, "{\"state\": \"failed\", \"note\": \"wrong database\"}")).ShouldBeJsonAsync();
        var after = await (await alice.GetAsync(path)).ShouldBeJsonAsync();

        run.GetProperty("logical_date").ValueKind.ShouldBe(System.Text.Json.JsonValueKind.String, "Airflow 2 gives every run a logical date");
        mine.GetProperty("total_entries").GetInt64().ShouldBe(1);
        notBobs.GetProperty("total_entries").GetInt64().ShouldBe(0);
        running.GetProperty("state").GetString().ShouldBe("running");
        running.GetProperty("triggered_by").GetProperty("name").GetString().ShouldBe("alice");
        tasks.GetProperty("summary").GetProperty("total").GetInt32().ShouldBeGreaterThan(0);
        stopped.GetProperty("state").GetString().ShouldBe("failed");
        stopped.GetProperty("note").GetString().ShouldBe("wrong database");
        after.GetProperty("summary").GetProperty("progress").GetDouble().ShouldBe(1);
        gateway.Emulator.Requests.ShouldContain(r => r.Method == "PATCH" && r.Path.EndsWith("/setNote", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Mirror_RunsStartedOutsideAirgate_ListedAndTheirChangesFoundOverV1()
    {
        var clock = new ManualTimeProvider();
        await using var gateway = Start(clock);
        await (await gateway.Client.GetAsync(RunBodies.ScreenRuns)).ShouldBeJsonAsync();
        clock.Advance(TimeSpan.FromMinutes(1));
        gateway.Emulator.AddRun(new SeededRun { DagId = RunBodies.Screen, RunId = "outside", RunAfter = clock.GetUtcNow(), State = null });
        clock.Advance(TimeSpan.FromSeconds(10));

        var listed = await (await gateway.Client.GetAsync(RunBodies.ScreenRuns)).ShouldBeJsonAsync();
        clock.Advance(TimeSpan.FromMinutes(10));
        var later = await (await gateway.Client.GetAsync(RunBodies.ScreenRuns)).ShouldBeJsonAsync();

        var run = listed.GetProperty("runs").EnumerateArray().Single();
        run.GetProperty("dag_run_id").GetString().ShouldBe("outside");
        run.GetProperty("state").GetString().ShouldBe("running");
        later.GetProperty("runs")[0].GetProperty("state").GetString().ShouldBe("success", "the next sync reads the change through updated_at_gte");
        gateway.Emulator.Requests.ShouldContain(r => r.Path == "/api/v1/dags/~/dagRuns" && r.PathAndQuery.Contains("updated_at_gte=", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("/api/v1/workflows/bactopia_species_screen/runs/a%2Fb")]
    [InlineData("/api/v1/workflows/bactopia_species_screen/runs/%2E%2E%2E/tasks")]
    [InlineData("/api/v1/workflows/a%2Fb/runs/x/tasks")]
    [InlineData("/api/v1/workflows/bactopia_species_screen/runs/x%0Ay")]
    [InlineData("/api/v1/workflows/bactopia_species_screen/runs/x%ED%A0%80y/tasks")]
    public async Task HostileIds_OverV1_ClearProblemNever500(string path)
    {
        await using var gateway = Start();

        using var response = await gateway.Client.GetAsync(path);

        ((int)response.StatusCode).ShouldBeInRange(400, 499, await response.Content.ReadAsStringAsync());
    }
}
