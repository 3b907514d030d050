using System.Net;
using System.Text.Json.Nodes;
using Airgate.AirflowEmulator.Tests.Support;

namespace Airgate.AirflowEmulator.Tests.DagRuns;

public sealed class ListDagRunsTests
{
    private static readonly DateTimeOffset Base = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task GetDagRuns_Tilde_ListsRunsOfEveryDag()
    {
        await using var h = EmulatorHarness.Create();
        await h.TriggerAsync("bactopia_species_screen");
        await h.TriggerAsync("bactopia_amr_analysis");

        var all = await h.GetAsync("api/v2/dags/~/dagRuns");
        var one = await h.GetAsync("api/v2/dags/bactopia_amr_analysis/dagRuns");

        all.Json["total_entries"]!.GetValue<int>().ShouldBe(2);
        DagIdsOf(all).ShouldBe(["bactopia_species_screen", "bactopia_amr_analysis"]);
        DagIdsOf(one).ShouldBe(["bactopia_amr_analysis"]);
    }

    [Fact]
    public async Task GetDagRuns_UnknownDag_Returns404()
    {
        await using var h = EmulatorHarness.Create();

        var answer = await h.GetAsync("api/v2/dags/ghost/dagRuns");

        answer.Status.ShouldBe(HttpStatusCode.NotFound);
        answer.Detail.ShouldBe("The DAG with dag_id: `ghost` was not found");
    }

    [Theory]
    [InlineData("state=failed", 2)]
    [InlineData("state=failed&state=success", 4)]
    [InlineData("state=queued&state=running", 2)]
    [InlineData("state=running", 1)]
    public async Task GetDagRuns_StateRepeated_MatchesAnyGivenState(string query, int expected)
    {
        await using var h = EmulatorHarness.Create();
        SeedStates(h, "success", "success", "failed", "failed", "running", "queued");

        var answer = await h.GetAsync($"api/v2/dags/~/dagRuns?{query}");

        answer.Json["total_entries"]!.GetValue<int>().ShouldBe(expected);
        answer.Json["dag_runs"]!.AsArray().Count.ShouldBe(expected);
    }

    [Fact]
    public async Task GetDagRuns_FiveThousandRuns_PagesWithSilentCap()
    {
        await using var h = EmulatorHarness.Create();
        h.Emulator.AddRuns(Enumerable.Range(0, 5000).Select(i => new SeededRun
        {
            DagId = i % 2 == 0 ? "bactopia_species_screen" : "bactopia_amr_analysis",
            RunId = $"seeded_{i:D4}",
            RunAfter = Base.AddMinutes(i),
            State = i % 10 == 0 ? "failed" : "success",
        }));

        var capped = await h.GetAsync("api/v2/dags/~/dagRuns?limit=1000");
        var seen = new HashSet<string>();
        for (var offset = 0; offset < 5000; offset += 100)
        {
            var page = await h.GetAsync($"api/v2/dags/~/dagRuns?limit=100&offset={offset}");
            foreach (var run in page.Json["dag_runs"]!.AsArray())
            {
                seen.Add(run!["dag_run_id"]!.GetValue<string>() + "@" + run["dag_id"]!.GetValue<string>());
            }
        }

        capped.Json["dag_runs"]!.AsArray().Count.ShouldBe(100);
        capped.Json["total_entries"]!.GetValue<int>().ShouldBe(5000);
        seen.Count.ShouldBe(5000);
        (await h.GetAsync("api/v2/dags/~/dagRuns?state=failed&limit=1")).Json["total_entries"]!.GetValue<int>().ShouldBe(500);
    }

    [Theory]
    [InlineData("order_by=-run_after", new[] { "r2", "r1", "r0" })]
    [InlineData("order_by=run_after", new[] { "r0", "r1", "r2" })]
    [InlineData("order_by=dag_run_id", new[] { "r0", "r1", "r2" })]
    [InlineData("order_by=-id", new[] { "r0", "r2", "r1" })]
    [InlineData("order_by=state&order_by=-run_after", new[] { "r1", "r2", "r0" })]
    public async Task GetDagRuns_OrderBy_SortsByEachKeyInTurn(string query, string[] expected)
    {
        await using var h = EmulatorHarness.Create();
        h.Emulator.AddRun(new SeededRun { DagId = "bactopia_species_screen", RunId = "r1", RunAfter = Base.AddDays(1), State = "failed" });
        h.Emulator.AddRun(new SeededRun { DagId = "bactopia_species_screen", RunId = "r2", RunAfter = Base.AddDays(2), State = "success" });
        h.Emulator.AddRun(new SeededRun { DagId = "bactopia_species_screen", RunId = "r0", RunAfter = Base, State = "success" });

        var answer = await h.GetAsync($"api/v2/dags/bactopia_species_screen/dagRuns?{query}");

        RunIdsOf(answer).ShouldBe(expected);
    }

    [Fact]
    public async Task GetDagRuns_OrderByUnknownField_Returns400()
    {
        await using var h = EmulatorHarness.Create();

        // Airflow answers 400 (its own route tests say so) although the spec documents no 400 here.
        var answer = await h.GetAsync("api/v2/dags/~/dagRuns?order_by=-colour", h.Unchecked);

        answer.Status.ShouldBe(HttpStatusCode.BadRequest);
        answer.Detail.ShouldBe("Ordering with 'colour' is disallowed or the attribute does not exist on the model");
    }

    [Theory]
    [InlineData("run_after_gte=2026-01-02T00:00:00Z", new[] { "r2", "r3" })]
    [InlineData("run_after_lte=2026-01-02T00:00:00Z", new[] { "r1", "r2" })]
    [InlineData("run_after_gte=2026-01-02T00:00:00%2B00:00&run_after_lte=2026-01-02T00:00:00Z", new[] { "r2" })]
    [InlineData("logical_date_gte=2026-01-03T00:00:00Z", new[] { "r3" })]
    [InlineData("start_date_lt=2026-01-02T00:00:00Z", new[] { "r1" })]
    [InlineData("end_date_gte=2026-01-02T00:00:00Z", new[] { "r2", "r3" })]
    [InlineData("updated_at_lte=2026-01-01T12:00:00Z", new[] { "r1" })]
    [InlineData("updated_at_gte=2026-01-02T00:00:00Z", new[] { "r2", "r3" })]
    [InlineData("updated_at_gt=2026-01-02T00:00:00Z&updated_at_gte=2026-01-01T00:00:00Z", new[] { "r2", "r3" })]
    [InlineData("updated_at_gte=2026-01-03T00:00:00Z", new[] { "r3" })]
    [InlineData("run_type=scheduled", new[] { "r3" })]
    [InlineData("run_id_pattern=r_", new[] { "r1", "r2", "r3" })]
    [InlineData("triggering_user_name_pattern=ali%25", new[] { "r1", "r3" })]
    [InlineData("dag_id_pattern=species", new[] { "r1", "r2", "r3" })]
    [InlineData("conf_contains=%22batch%22", new[] { "r2" })]
    public async Task GetDagRuns_Filters_SelectMatchingRuns(string query, string[] expected)
    {
        await using var h = EmulatorHarness.Create();
        h.Emulator.AddRun(new SeededRun { DagId = "bactopia_species_screen", RunId = "r1", RunAfter = Base, State = "success", TriggeringUserName = "alice" });
        h.Emulator.AddRun(new SeededRun { DagId = "bactopia_species_screen", RunId = "r2", RunAfter = Base.AddDays(1), State = "success", TriggeringUserName = "bob", Conf = new JsonObject { ["batch"] = 7 } });
        h.Emulator.AddRun(new SeededRun { DagId = "bactopia_species_screen", RunId = "r3", RunAfter = Base.AddDays(2), LogicalDate = Base.AddDays(2), State = "failed", TriggeringUserName = "alicia", RunType = "scheduled" });

        var answer = await h.GetAsync($"api/v2/dags/~/dagRuns?{query}");

        RunIdsOf(answer).ShouldBe(expected);
    }

    [Fact]
    public async Task GetDagRuns_UpdatedAtGte_FindsLiveRunsAndRunsChangedSinceInIdOrder()
    {
        await using var h = EmulatorHarness.Create();
        h.Emulator.AddRun(new SeededRun { DagId = "bactopia_species_screen", RunId = "untouched", RunAfter = Base, State = "success" });
        h.Emulator.AddRun(new SeededRun { DagId = "bactopia_species_screen", RunId = "failed_later", RunAfter = Base, State = "running" });
        h.Emulator.AddRun(new SeededRun { DagId = "bactopia_species_screen", RunId = "requeued", RunAfter = Base, State = "success" });
        var live = await h.TriggerAsync("bactopia_species_screen");
        var since = h.Clock.GetUtcNow();
        h.Clock.Advance(TimeSpan.FromMinutes(1));
        await h.PatchAsync("api/v2/dags/bactopia_species_screen/dagRuns/failed_later", """{"state": "failed"}""");
        await h.PatchAsync("api/v2/dags/bactopia_species_screen/dagRuns/requeued", """{"state": "queued"}""");
        h.Clock.Advance(TimeSpan.FromMinutes(1));

        var answer = await h.GetAsync($"api/v2/dags/~/dagRuns?order_by=id&updated_at_gte={Uri.EscapeDataString(since.ToString("O"))}");
        var later = await h.GetAsync($"api/v2/dags/~/dagRuns?updated_at_gt={Uri.EscapeDataString(since.ToString("O"))}");

        RunIdsOf(answer).ShouldBe(["failed_later", "requeued", live]);
        answer.Json["total_entries"]!.GetValue<int>().ShouldBe(3);
        // The triggered run kept progressing (tasks started after "since"), so it is newer than "since" too.
        RunIdsOf(later).ShouldBe(["failed_later", "requeued", live]);
    }

    [Theory]
    [InlineData("run_after_gte=not-a-date", "run_after_gte")]
    [InlineData("limit=-5", "limit")]
    public async Task GetDagRuns_MalformedQuery_Returns422(string query, string parameter)
    {
        await using var h = EmulatorHarness.Create();

        var answer = await h.GetAsync($"api/v2/dags/~/dagRuns?{query}");

        answer.Status.ShouldBe(HttpStatusCode.UnprocessableEntity);
        answer.Json["detail"]![0]!["loc"]![1]!.GetValue<string>().ShouldBe(parameter);
    }

    [Fact]
    public async Task GetDagRun_RunIdWithColonAndPlus_IsFoundWhenEncoded()
    {
        await using var h = EmulatorHarness.Create();
        var runId = await h.TriggerAsync("bactopia_species_screen");

        var encoded = await h.GetAsync("api/v2/dags/bactopia_species_screen/dagRuns/manual__2026-01-15T09%3A00%3A00%2B00%3A00");
        var colonsRaw = await h.GetAsync("api/v2/dags/bactopia_species_screen/dagRuns/manual__2026-01-15T09:00:00%2B00:00");

        runId.ShouldBe("manual__2026-01-15T09:00:00+00:00");
        encoded.Status.ShouldBe(HttpStatusCode.OK);
        encoded.Json["dag_run_id"]!.GetValue<string>().ShouldBe(runId);
        colonsRaw.Status.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task GetDagRun_Unknown_Returns404WithAirflowWording()
    {
        await using var h = EmulatorHarness.Create();

        var answer = await h.GetAsync("api/v2/dags/bactopia_species_screen/dagRuns/nope");

        answer.Status.ShouldBe(HttpStatusCode.NotFound);
        answer.Detail.ShouldBe("The DagRun with dag_id: `bactopia_species_screen` and run_id: `nope` was not found");
    }

    [Fact]
    public async Task GetDagRun_OfAnotherDag_Returns404()
    {
        await using var h = EmulatorHarness.Create();
        await h.TriggerAsync("bactopia_species_screen", """{"dag_run_id": "mine"}""");

        var answer = await h.GetAsync("api/v2/dags/bactopia_amr_analysis/dagRuns/mine");

        answer.Status.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task SeededRun_GivenState_IsFrozenWithPlausibleTasks()
    {
        await using var h = EmulatorHarness.Create();
        var failed = h.Emulator.AddRun(new SeededRun { DagId = "bactopia_species_screen", RunAfter = Base, State = "failed", TriggeringUserName = "carol" });
        var running = h.Emulator.AddRun(new SeededRun { DagId = "bactopia_species_screen", RunId = "running", RunAfter = Base, State = "running" });

        h.Clock.Advance(TimeSpan.FromHours(3));
        var failedTasks = await h.TaskStatesAsync("bactopia_species_screen", failed);

        failed.ShouldBe("manual__2026-01-01T00:00:00+00:00");
        (await h.RunAsync("bactopia_species_screen", failed))["triggering_user_name"]!.GetValue<string>().ShouldBe("carol");
        failedTasks["prepare_samples"].ShouldBe("failed");
        failedTasks["publish_report"].ShouldBe("upstream_failed");
        (await h.RunStateAsync("bactopia_species_screen", running)).ShouldBe("running");
        (await h.TaskStatesAsync("bactopia_species_screen", running))["prepare_samples"].ShouldBe("running");
    }

    private static void SeedStates(EmulatorHarness h, params string[] states)
    {
        for (var i = 0; i < states.Length; i++)
        {
            h.Emulator.AddRun(new SeededRun { DagId = "bactopia_species_screen", RunId = $"s{i}", RunAfter = Base.AddHours(i), State = states[i] });
        }
    }

    private static List<string> DagIdsOf(JsonAnswer answer) =>
        [.. answer.Json["dag_runs"]!.AsArray().Select(r => r!["dag_id"]!.GetValue<string>())];

    private static List<string> RunIdsOf(JsonAnswer answer) =>
        [.. answer.Json["dag_runs"]!.AsArray().Select(r => r!["dag_run_id"]!.GetValue<string>())];
}
