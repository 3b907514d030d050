using System.Net;
using Airgate.AirflowEmulator;
using Airgate.Tests.Infrastructure;

namespace Airgate.Tests.Runs.Events;

/// <summary><c>GET /workflows/{dag_id|~}/runs/events</c>: runs entering or changing in a listing, fed by the mirror's sync.</summary>
public sealed class ListingEventsTests
{
    private const string Events = "/api/v1/workflows/~/runs/events";

    private static async Task<string> TriggerAsync(EventsGateway events, string user)
    {
        var run = await (await events.Gateway.ClientFor(user).TriggerAsync(RunBodies.ValidScreen())).ShouldBeJsonAsync(HttpStatusCode.Created);
        return run.GetProperty("dag_run_id").GetString()!;
    }

    /// <summary>Advances tick by tick until the stream has a run event for <paramref name="runId"/>; returns it.</summary>
    private static async Task<SseEvent> NextRunAsync(EventsGateway events, SseStream stream, string runId)
    {
        bool Seen() => stream.Received.Any(e => e.Name == "run" && e.Json.GetProperty("run").GetProperty("dag_run_id").GetString() == runId);
        for (var i = 0; i < 20 && !Seen(); i++)
        {
            var before = events.Feed.Ticks;
            events.Clock.Advance(EventsGateway.PollInterval);
            await EventsGateway.EventuallyAsync(() => events.Feed.Ticks > before || Seen(), "a listing tick");
        }

        await EventsGateway.EventuallyAsync(Seen, "a run event for " + runId);
        return stream.Received.First(e => e.Name == "run" && e.Json.GetProperty("run").GetProperty("dag_run_id").GetString() == runId);
    }

    private static async Task ListFirstAsync(EventsGateway events) =>
        // As a UI does: the listing first (which also gives the mirror its first watermark), then the stream.
        await (await events.Gateway.Client.GetAsync("/api/v1/workflows/~/runs")).ShouldBeJsonAsync();

    [Fact]
    public async Task StreamRunListEvents_Mine_OnlyTheCallersRuns()
    {
        await using var events = EventsGateway.Start();
        await ListFirstAsync(events);
        await using var alices = await SseStream.OpenAsync(events.Gateway.ClientFor("alice"), Events + "?mine=true");
        await using var bobs = await SseStream.OpenAsync(events.Gateway.ClientFor("bob"), Events + "?mine=true");

        var aliceRun = await TriggerAsync(events, "alice");
        var seen = await NextRunAsync(events, alices, aliceRun);
        var bobRun = await TriggerAsync(events, "bob");
        await NextRunAsync(events, bobs, bobRun);

        seen.Json.GetProperty("run").GetProperty("triggered_by").GetProperty("id").GetString().ShouldBe("alice");
        // Events come in order: had alice's run leaked into bob's stream, it would come before his own.
        var bobsFirst = bobs.Received.First(e => e.Name == "run");
        bobsFirst.Json.GetProperty("run").GetProperty("dag_run_id").GetString().ShouldBe(bobRun);
        bobs.Received.ShouldAllBe(e => e.Name != "run" || e.Json.GetProperty("run").GetProperty("triggered_by").GetProperty("id").GetString() == "bob");
    }

    [Fact]
    public async Task StreamRunListEvents_RunVisibilityOwn_OthersRunsNeverSent()
    {
        await using var events = EventsGateway.Start(options => options.Settings["Airgate:Auth:RunVisibility"] = "Own");
        await ListFirstAsync(events);
        await using var bobs = await SseStream.OpenAsync(events.Gateway.ClientFor("bob"), Events);

        await TriggerAsync(events, "alice");
        var bobRun = await TriggerAsync(events, "bob");
        await NextRunAsync(events, bobs, bobRun);

        bobs.Received.Where(e => e.Name == "run").ShouldAllBe(e => e.Json.GetProperty("run").GetProperty("dag_run_id").GetString() == bobRun);
    }

    [Fact]
    public async Task StreamRunListEvents_StateAndPatternFilters_KeepOnlyMatchingRuns()
    {
        await using var events = EventsGateway.Start();
        await ListFirstAsync(events);
        events.Emulator.AddRun(new SeededRun { DagId = "bactopia_amr_analysis", RunId = "robot_failed", RunAfter = events.Clock.GetUtcNow(), State = "failed", TriggeringUserName = "robot" });
        await using var failedOnly = await SseStream.OpenAsync(events.Gateway.Client, Events + "?state=failed&user_name_pattern=RO%25");
        await using var aliceNamed = await SseStream.OpenAsync(events.Gateway.Client, Events + "?user_name_pattern=ali_e");

        await NextRunAsync(events, failedOnly, "robot_failed");
        var aliceRun = await TriggerAsync(events, "alice");
        await NextRunAsync(events, aliceNamed, aliceRun);

        failedOnly.Received.Where(e => e.Name == "run").ShouldAllBe(e => e.Json.GetProperty("run").GetProperty("state").GetString() == "failed");
        aliceNamed.Received.Where(e => e.Name == "run").ShouldAllBe(e => e.Json.GetProperty("run").GetProperty("dag_run_id").GetString() == aliceRun);
    }

    [Fact]
    public async Task StreamRunListEvents_RunReadAgainUnchanged_NotSentTwice()
    {
        await using var events = EventsGateway.Start();
        await ListFirstAsync(events);
        events.Emulator.AddRun(new SeededRun { DagId = "bactopia_amr_analysis", RunId = "steady", RunAfter = events.Clock.GetUtcNow(), State = "running" });
        await using var stream = await SseStream.OpenAsync(events.Gateway.Client, Events);
        await NextRunAsync(events, stream, "steady");

        // The next syncs read 'steady' again (they re-read the last SyncOverlap of changes); it has not changed.
        var later = await TriggerAsync(events, "alice");
        await NextRunAsync(events, stream, later);

        stream.Received.Count(e => e.Name == "run" && e.Json.GetProperty("run").GetProperty("dag_run_id").GetString() == "steady").ShouldBe(1);
    }

    [Fact]
    public async Task StreamRunListEvents_ManyStreams_OneSyncPerInterval()
    {
        await using var events = EventsGateway.Start();
        await ListFirstAsync(events);
        List<SseStream> streams = [];
        try
        {
            for (var i = 0; i < 6; i++)
            {
                streams.Add(await SseStream.OpenAsync(events.Gateway.ClientFor("user" + i), Events + (i % 2 == 0 ? "?mine=true" : "")));
            }

            // The first stream started the loop, which synced at once.
            await EventsGateway.EventuallyAsync(() => events.Feed.Ticks >= 1, "the first listing tick");
            events.Emulator.ClearRequests();
            const int Ticks = 3;
            for (var i = 0; i < Ticks; i++)
            {
                var before = events.Feed.Ticks;
                events.Clock.Advance(EventsGateway.PollInterval);
                await EventsGateway.EventuallyAsync(() => events.Feed.Ticks > before, "a listing tick");
            }

            events.Emulator.Requests.Count(r => r.Method == "GET" && r.Path == "/api/v2/dags/~/dagRuns").ShouldBe(Ticks);
        }
        finally
        {
            foreach (var stream in streams)
            {
                await stream.DisposeAsync();
            }
        }
    }

    public static TheoryData<string, string> HostileQueries => new()
    {
        { "?state=bogus", "state" },
        { "?state=" + string.Join("&state=", Enumerable.Repeat("failed", 51)), "state" },
        { "?user_name_pattern=" + new string('a', 251), "user_name_pattern" },
        { "?mine=maybe", "mine" },
        { "?mine=true&mine=false", "mine" },
        { "?state=%00", "state" },
    };

    [Theory]
    [MemberData(nameof(HostileQueries))]
    public async Task StreamRunListEvents_HostileQuery_400NamingTheParameter(string query, string parameter)
    {
        await using var events = EventsGateway.Start();

        var problem = await (await events.Gateway.Client.GetAsync(Events + query)).ShouldBeProblemAsync(HttpStatusCode.BadRequest);

        problem.GetProperty("errors").EnumerateArray().ShouldContain(e => e.GetProperty("parameter").GetString() == parameter);
    }

    [Fact]
    public async Task StreamRunListEvents_BadOrUnknownWorkflow_400Or404()
    {
        await using var events = EventsGateway.Start();

        await (await events.Gateway.Client.GetAsync("/api/v1/workflows/bad%20id/runs/events")).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        await (await events.Gateway.Client.GetAsync("/api/v1/workflows/no_such_dag/runs/events")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }
}
