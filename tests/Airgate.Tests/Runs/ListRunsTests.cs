using System.Net;
using Airgate.AirflowEmulator;
using Airgate.Runs;
using Airgate.Runs.Mirror;
using Airgate.Testing;
using Airgate.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Airgate.Tests.Runs;

/// <summary>Listings come from the mirror after a sync: exact owner filters and totals, no gaps or repeats at any depth.</summary>
public sealed class ListRunsTests
{
    private static readonly string[] Users = ["alice", "bob", "a_b", "axb", "carol"];
    private static readonly string[] States = ["success", "failed", "running", "queued"];
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    // 5 000 runs over two DAGs: user i % 5, state i % 4, one minute apart.
    private static void SeedMany(AirflowEmulator.AirflowEmulator emulator, int count = 5000) =>
        emulator.AddRuns(Enumerable.Range(0, count).Select(i => new SeededRun
        {
            DagId = i % 2 == 0 ? RunBodies.Screen : "reference_download",
            RunId = $"seeded__{i:D5}",
            RunAfter = Start.AddMinutes(i),
            State = States[i % 4],
            TriggeringUserName = Users[i % 5],
        }));

    // Seeded runs are old, so only the backfill (not the sync of recent changes) brings them into the mirror.
    private static async Task SeedManyAsync(Gateway gateway, int count = 5000)
    {
        SeedMany(gateway.Emulator, count);
        await gateway.BackfillAsync();
    }

    private static ManualTimeProvider Clock() => new(Start.AddDays(10));

    [Fact]
    public async Task ListRuns_FiveThousandRunsPagedPastOneThousand_NoGapsNoDuplicatesExactTotal()
    {
        await using var gateway = Gateway.Start(options => options.Clock = Clock());
        await SeedManyAsync(gateway);
        await (await gateway.ClientFor("alice").TriggerAsync(RunBodies.ValidScreen())).ShouldBeJsonAsync(HttpStatusCode.Created);

        var seen = new List<string>();
        for (var offset = 0; offset < 6000; offset += 700)
        {
            var page = await (await gateway.Client.GetAsync($"/api/v1/workflows/~/runs?limit=700&offset={offset}")).ShouldBeJsonAsync();
            page.GetProperty("total_entries").GetInt64().ShouldBe(5001);
            seen.AddRange(page.GetProperty("runs").EnumerateArray().Select(r => r.GetProperty("dag_run_id").GetString()!));
        }

        seen.Count.ShouldBe(5001);
        seen.Distinct().Count().ShouldBe(5001);
        seen[1].ShouldBe("seeded__04999");
    }

    [Fact]
    public async Task ListRuns_OneWorkflow_OnlyItsRunsWithExactTotal()
    {
        await using var gateway = Gateway.Start(options => options.Clock = Clock());
        await SeedManyAsync(gateway, 1000);

        var page = await (await gateway.Client.GetAsync("/api/v1/workflows/reference_download/runs?limit=1000")).ShouldBeJsonAsync();

        page.GetProperty("total_entries").GetInt64().ShouldBe(500);
        page.GetProperty("runs").EnumerateArray().ShouldAllBe(r => r.GetProperty("dag_id").GetString() == "reference_download");
    }

    public static TheoryData<string, long> OwnerFilters => new()
    {
        { "user_name_pattern=alice", 1000 },
        { "user_name_pattern=a%25", 3000 },
        { "user_name_pattern=a_b", 2000 },
        { "user_name_pattern=a%5C_b", 1000 },
        { "user_name_pattern=%25o%25", 2000 },
        { "state=success", 1250 },
        { "state=success&state=failed", 2500 },
        { "state=running&user_name_pattern=bob", 250 },
        { "user_name_pattern=nobody", 0 },
        { "state=failed&user_name_pattern=BOB", 250 },
    };

    [Theory]
    [MemberData(nameof(OwnerFilters))]
    public async Task ListRuns_Filter_TotalIsExact(string query, long expected)
    {
        await using var gateway = Gateway.Start(options => options.Clock = Clock());
        await SeedManyAsync(gateway);

        var page = await (await gateway.Client.GetAsync($"/api/v1/workflows/~/runs?limit=1000&{query}")).ShouldBeJsonAsync();

        page.GetProperty("total_entries").GetInt64().ShouldBe(expected);
        page.GetProperty("runs").GetArrayLength().ShouldBe((int)Math.Min(expected, 1000));
    }

    [Fact]
    public async Task ListRuns_Mine_OnlyRunsTheUserTriggeredThroughAirgate()
    {
        await using var gateway = Gateway.Start(options => options.Clock = Clock());
        await SeedManyAsync(gateway, 100);
        var alice = gateway.ClientFor("alice");
        await (await alice.TriggerAsync(RunBodies.ValidScreen())).ShouldBeJsonAsync(HttpStatusCode.Created);
        await (await alice.TriggerAsync(RunBodies.ValidScreen("/data/two"))).ShouldBeJsonAsync(HttpStatusCode.Created);
        await (await gateway.ClientFor("bob").TriggerAsync(RunBodies.ValidScreen())).ShouldBeJsonAsync(HttpStatusCode.Created);

        var mine = await (await alice.GetAsync("/api/v1/workflows/~/runs?mine=true")).ShouldBeJsonAsync();

        mine.GetProperty("total_entries").GetInt64().ShouldBe(2);
        mine.GetProperty("runs").EnumerateArray().ShouldAllBe(r => r.GetProperty("triggered_by").GetProperty("id").GetString() == "alice");
        var named = await (await alice.GetAsync("/api/v1/workflows/~/runs?user_name_pattern=alice")).ShouldBeJsonAsync();
        named.GetProperty("total_entries").GetInt64().ShouldBe(22); // 20 seeded runs named alice by Airflow, 2 through Airgate
    }

    [Fact]
    public async Task ListRuns_OrderByRunAfterAscending_OldestFirst()
    {
        await using var gateway = Gateway.Start(options => options.Clock = Clock());
        await SeedManyAsync(gateway, 50);

        var page = await (await gateway.Client.GetAsync("/api/v1/workflows/~/runs?order_by=run_after&limit=3")).ShouldBeJsonAsync();

        page.GetProperty("runs").EnumerateArray().Select(r => r.GetProperty("dag_run_id").GetString())
            .ShouldBe(["seeded__00000", "seeded__00001", "seeded__00002"]);
    }

    [Fact]
    public async Task ListRuns_RunChangesInAirflow_NextListingShowsIt()
    {
        var clock = Clock();
        await using var gateway = Gateway.Start(options => options.Clock = clock);
        var run = await (await gateway.Client.TriggerAsync(RunBodies.ValidScreen())).ShouldBeJsonAsync(HttpStatusCode.Created);
        (await ListStates(gateway)).ShouldBe(["queued"]);

        clock.Advance(TimeSpan.FromMinutes(10));
        gateway.Emulator.AddRun(new SeededRun { DagId = RunBodies.Screen, RunId = "outside", RunAfter = clock.GetUtcNow(), State = "running" });

        (await ListStates(gateway)).ShouldBe(["running", "success"], ignoreOrder: true);
        var lastSync = gateway.Emulator.Requests.Last(r => r.Method == "GET" && r.Path.EndsWith("/dagRuns", StringComparison.Ordinal));
        lastSync.PathAndQuery.ShouldContain("updated_at_gte=");
        run.GetProperty("dag_run_id").GetString().ShouldNotBeNull();
    }

    private static async Task<List<string?>> ListStates(Gateway gateway)
    {
        var page = await (await gateway.Client.GetAsync(RunBodies.ScreenRuns)).ShouldBeJsonAsync();
        return [.. page.GetProperty("runs").EnumerateArray().Select(r => r.GetProperty("state").GetString())];
    }

    [Fact]
    public async Task ListRuns_BadQueryValues_Returns400NamingEach()
    {
        await using var gateway = Gateway.Start();

        var response = await gateway.Client.GetAsync(
            "/api/v1/workflows/~/runs?limit=1001&offset=-1&state=bogus&order_by=colour&mine=maybe&user_name_pattern=");

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        problem.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("parameter").GetString())
            .ShouldBe(["limit", "offset", "state", "order_by", "mine", "user_name_pattern"], ignoreOrder: true);
        gateway.Emulator.Requests.ShouldNotContain(r => r.Path.Contains("dagRuns", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ListRuns_UnknownWorkflow_Returns404()
    {
        await using var gateway = Gateway.Start();

        await (await gateway.Client.GetAsync("/api/v1/workflows/no_such_dag/runs")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task ListRuns_AirflowDown_AnswersFromTheMirrorWithSyncedAt()
    {
        var clock = Clock();
        await using var gateway = Gateway.Start(options => options.Clock = clock);
        await (await gateway.Client.TriggerAsync(RunBodies.ValidScreen())).ShouldBeJsonAsync(HttpStatusCode.Created);
        var first = await (await gateway.Client.GetAsync("/api/v1/workflows/~/runs")).ShouldBeJsonAsync();
        first.GetProperty("synced_at").GetDateTimeOffset().ShouldBe(clock.GetUtcNow());
        clock.Advance(TimeSpan.FromMinutes(3));
        gateway.Emulator.Faults.RespondWithStatus(HttpMethod.Get, "/api/v2/dags/~/dagRuns", 500, count: 10);

        var page = await (await gateway.Client.GetAsync("/api/v1/workflows/~/runs")).ShouldBeJsonAsync();

        page.GetProperty("total_entries").GetInt64().ShouldBe(1);
        page.GetProperty("synced_at").GetDateTimeOffset().ShouldBe(first.GetProperty("synced_at").GetDateTimeOffset());
    }

    [Fact]
    public async Task ListRuns_ManyWithinMinSyncInterval_AirflowSeesOneListingReadPerInterval()
    {
        var clock = Clock();
        await using var gateway = Gateway.Start(options =>
        {
            options.Clock = clock;
            options.Settings["Airgate:Runs:MinSyncInterval"] = "00:00:02";
        });
        await (await gateway.Client.GetAsync("/api/v1/workflows/~/runs")).ShouldBeJsonAsync(); // the cold start's first sync reads nothing
        clock.Advance(TimeSpan.FromSeconds(3));
        gateway.Emulator.ClearRequests();
        static bool IsSync(AirflowEmulator.RecordedRequest r) => r.Operation == "GetDagRuns" && r.PathAndQuery.Contains("updated_at_gte", StringComparison.Ordinal);

        for (var i = 0; i < 50; i++)
        {
            await (await gateway.Client.GetAsync("/api/v1/workflows/~/runs")).ShouldBeJsonAsync();
        }

        var withinOneInterval = gateway.Emulator.Requests.Count(IsSync);
        clock.Advance(TimeSpan.FromSeconds(3));
        var next = await (await gateway.Client.GetAsync("/api/v1/workflows/~/runs")).ShouldBeJsonAsync();

        withinOneInterval.ShouldBe(1);
        gateway.Emulator.Requests.Count(IsSync).ShouldBe(2, "the interval passed: the next listing syncs again");
        next.GetProperty("synced_at").GetDateTimeOffset().ShouldBe(clock.GetUtcNow());
    }

    [Fact]
    public async Task ListRuns_EightConcurrentWhileAirflowHangs_ShareOneSyncAndAllAnswer()
    {
        await using var gateway = Gateway.Start(options => options.Settings["Airgate:Runs:SyncTimeout"] = "00:00:00.200");
        await (await gateway.Client.TriggerAsync(RunBodies.ValidScreen())).ShouldBeJsonAsync(HttpStatusCode.Created);
        await (await gateway.Client.GetAsync("/api/v1/workflows/~/runs")).ShouldBeJsonAsync(); // the cold start's first sync reads nothing
        gateway.Emulator.ClearRequests();
        gateway.Emulator.Faults.Hang(HttpMethod.Get, "/api/v2/dags/~/dagRuns", count: 100);

        var pages = await Task.WhenAll(Enumerable.Range(0, 8).Select(async _ =>
            await (await gateway.Client.GetAsync("/api/v1/workflows/~/runs")).ShouldBeJsonAsync()));

        pages.ShouldAllBe(p => p.GetProperty("total_entries").GetInt64() == 1);
        // The sync's reads (the cold-start backfill reads too, without updated_at_gte).
        gateway.Emulator.Requests.Count(r => r.Operation == "GetDagRuns" && r.PathAndQuery.Contains("updated_at_gte", StringComparison.Ordinal)).ShouldBe(1);
    }

    [Fact]
    public async Task ListRuns_ColdStartMidBackfill_NewestRunsFirstProgressShownAndMineExact()
    {
        await using var gateway = Gateway.Start(options => options.Clock = Clock());
        SeedMany(gateway.Emulator, 1000);
        var alice = gateway.ClientFor("alice");
        await (await alice.TriggerAsync(RunBodies.ValidScreen())).ShouldBeJsonAsync(HttpStatusCode.Created);
        var backfill = gateway.Services.GetRequiredService<RunBackfill>();
        await backfill.RestartAsync(CancellationToken.None);
        var pages = 0;
        (await backfill.RunAsync(() => pages++ < 1, CancellationToken.None)).ShouldBeFalse();

        var page = await (await gateway.Client.GetAsync("/api/v1/workflows/~/runs?limit=1000")).ShouldBeJsonAsync();
        var mine = await (await alice.GetAsync("/api/v1/workflows/~/runs?mine=true")).ShouldBeJsonAsync();

        page.GetProperty("backfill").GetProperty("complete").GetBoolean().ShouldBeFalse();
        page.GetProperty("backfill").GetProperty("runs_read").GetInt64().ShouldBe(100);
        page.GetProperty("backfill").GetProperty("runs_total").GetInt64().ShouldBe(1001);
        var ids = page.GetProperty("runs").EnumerateArray().Select(r => r.GetProperty("dag_run_id").GetString()).ToList();
        ids.ShouldContain("seeded__00999");
        ids.ShouldNotContain("seeded__00000");
        ids.Count.ShouldBe(100);
        mine.GetProperty("total_entries").GetInt64().ShouldBe(1);
    }

    [Fact]
    public async Task ListRuns_TwoWorkflowsOneAfterTheOther_OneWatermarkWithFiveSecondOverlap()
    {
        var clock = Clock();
        await using var gateway = Gateway.Start(options => options.Clock = clock);
        await (await gateway.Client.GetAsync(RunBodies.ScreenRuns)).ShouldBeJsonAsync();
        var firstSync = clock.GetUtcNow();
        clock.Advance(TimeSpan.FromMinutes(2));

        await (await gateway.Client.GetAsync("/api/v1/workflows/reference_download/runs")).ShouldBeJsonAsync();

        // The first (cold) sync only set the watermark; the second read every workflow's changes since it.
        var syncs = gateway.Emulator.Requests.Where(r => r.PathAndQuery.Contains("updated_at_gte", StringComparison.Ordinal)).ToList();
        syncs.Count.ShouldBe(1);
        syncs.ShouldAllBe(r => r.Path == "/api/v2/dags/~/dagRuns");
        var since = Uri.UnescapeDataString(syncs[0].PathAndQuery.Split("updated_at_gte=")[1].Split('&')[0]);
        DateTimeOffset.Parse(since, System.Globalization.CultureInfo.InvariantCulture).ShouldBe(firstSync - TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task ListRuns_AfterBackfill_NoBackfillField()
    {
        await using var gateway = Gateway.Start(options => options.Clock = Clock());
        await SeedManyAsync(gateway, 150);

        var page = await (await gateway.Client.GetAsync("/api/v1/workflows/~/runs")).ShouldBeJsonAsync();

        page.GetProperty("total_entries").GetInt64().ShouldBe(150);
        page.GetProperty("backfill").ValueKind.ShouldBe(System.Text.Json.JsonValueKind.Null);
    }
}
