using System.Net;
using Airgate.AirflowEmulator;
using Airgate.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Airgate.Tests.Runs.Events;

/// <summary><c>GET .../runs/{dag_run_id}/events</c>: one shared poller per run, events as states change, end, errors, limits.</summary>
public sealed class RunEventsTests
{
    private const string Amr = "bactopia_amr_analysis";

    private static async Task<string> TriggerAsync(EventsGateway events, string user = "alice")
    {
        var run = await (await events.Gateway.ClientFor(user).TriggerAsync(RunBodies.ValidScreen())).ShouldBeJsonAsync(HttpStatusCode.Created);
        return RunBodies.RunPath(run);
    }

    private static string SeedFinished(EventsGateway events)
    {
        events.Emulator.AddRun(new SeededRun { DagId = Amr, RunId = "done", RunAfter = events.Clock.GetUtcNow().AddHours(-1), State = "success" });
        return $"/api/v1/workflows/{Amr}/runs/done";
    }

    private static string SeedRunning(EventsGateway events)
    {
        // A seeded running run is frozen: it changes only when a test changes it.
        events.Emulator.AddRun(new SeededRun { DagId = Amr, RunId = "busy", RunAfter = events.Clock.GetUtcNow().AddMinutes(-5), State = "running" });
        return $"/api/v1/workflows/{Amr}/runs/busy";
    }

    private static int CallsFor(EventsGateway events, string runId) =>
        events.Emulator.Requests.Count(r => r.Method == "GET" && r.Path.Contains($"/dagRuns/{runId}", StringComparison.Ordinal));

    [Fact]
    public async Task StreamRunEvents_Connect_SnapshotFirstWithRunTasksAndSummary()
    {
        await using var events = EventsGateway.Start();
        var path = await TriggerAsync(events);

        await using var stream = await SseStream.OpenAsync(events.Gateway.ClientFor("alice"), path + "/events");

        stream.Response.Headers.CacheControl?.NoCache.ShouldBeTrue();
        stream.Response.Headers.GetValues("X-Accel-Buffering").ShouldBe(["no"]);
        var snapshot = (await stream.NextEventAsync()).ShouldNotBeNull();
        snapshot.Name.ShouldBe("snapshot");
        snapshot.Id.ShouldNotBeNullOrEmpty();
        var body = snapshot.Json;
        body.GetProperty("run").GetProperty("dag_run_id").GetString().ShouldBe(Uri.UnescapeDataString(path.Split('/')[^1]));
        body.GetProperty("run").GetProperty("triggered_by").GetProperty("id").GetString().ShouldBe("alice");
        body.GetProperty("run").GetProperty("summary").GetProperty("total").GetInt32().ShouldBe(body.GetProperty("task_instances").GetArrayLength());
        body.GetProperty("task_instances").GetArrayLength().ShouldBeGreaterThan(0);
        body.GetProperty("summary").GetProperty("total").GetInt32().ShouldBe(body.GetProperty("task_instances").GetArrayLength());
    }

    [Fact]
    public async Task StreamRunEvents_ManyWatchers_OnePollPerIntervalForTheRun()
    {
        await using var events = EventsGateway.Start();
        var path = await TriggerAsync(events);
        var runId = Uri.UnescapeDataString(path.Split('/')[^1]);
        List<SseStream> streams = [];
        try
        {
            for (var i = 0; i < 8; i++)
            {
                var stream = await SseStream.OpenAsync(events.Gateway.ClientFor("user" + i), path + "/events");
                streams.Add(stream);
                (await stream.NextEventAsync()).ShouldNotBeNull().Name.ShouldBe("snapshot");
            }

            events.Watchers.Count.ShouldBe(1);
            events.Emulator.ClearRequests();
            const int Intervals = 4;
            for (var i = 0; i < Intervals; i++)
            {
                await events.PollOnceAsync();
            }

            // One poll per interval: the run and its task instances (one page), whatever the number of watchers.
            var runReads = events.Emulator.Requests.Count(r => r.Method == "GET" && r.Path.EndsWith($"/dagRuns/{runId}", StringComparison.Ordinal));
            var taskReads = events.Emulator.Requests.Count(r => r.Method == "GET" && r.Path.EndsWith($"/dagRuns/{runId}/taskInstances", StringComparison.Ordinal));
            runReads.ShouldBe(Intervals);
            taskReads.ShouldBe(Intervals);
        }
        finally
        {
            foreach (var stream in streams)
            {
                await stream.DisposeAsync();
            }
        }
    }

    [Fact]
    public async Task StreamRunEvents_RunProgresses_TaskInstanceAndSummaryEventsThenEndAndClose()
    {
        await using var events = EventsGateway.Start();
        var path = await TriggerAsync(events);
        await using var stream = await SseStream.OpenAsync(events.Gateway.ClientFor("alice"), path + "/events");
        (await stream.NextEventAsync()).ShouldNotBeNull().Name.ShouldBe("snapshot");

        await events.PollUntilAsync(stream, "end");

        await EventsGateway.EventuallyAsync(() => stream.Closed, "the server closed the stream after 'end'");
        var received = stream.Received.Where(e => e.Name != SseEvent.Comment).ToList();
        received[^1].Name.ShouldBe("end");
        received[^1].Json.GetProperty("state").GetString().ShouldBe("success");
        var changes = received.Where(e => e.Name == "task_instance").Select(e => e.Json.GetProperty("task_instance")).ToList();
        changes.ShouldNotBeEmpty();
        changes.ShouldContain(t => t.GetProperty("state").GetString() == "success");
        received.ShouldContain(e => e.Name == "summary");
        received.ShouldContain(e => e.Name == "run" && e.Json.GetProperty("run").GetProperty("state").GetString() == "success");
        received.Last(e => e.Name == "summary").Json.GetProperty("progress").GetDouble().ShouldBe(1);
        // Ids never go back, so a client can tell the order of what it saw.
        var ids = received.Select(e => long.Parse(e.Id!, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        ids.ShouldBe(ids.Order().ToList());
        await EventsGateway.EventuallyAsync(() => events.Watchers.Count == 0, "the poller ended with the run");
    }

    [Fact]
    public async Task StreamRunEvents_FinishedRun_SnapshotThenEndAtOnce()
    {
        await using var events = EventsGateway.Start();
        var path = SeedFinished(events);

        await using var stream = await SseStream.OpenAsync(events.Gateway.Client, path + "/events");

        (await stream.NextEventAsync()).ShouldNotBeNull().Name.ShouldBe("snapshot");
        var end = (await stream.NextEventAsync()).ShouldNotBeNull();
        end.Name.ShouldBe("end");
        end.Json.GetProperty("state").GetString().ShouldBe("success");
        (await stream.NextEventAsync()).ShouldBeNull();
    }

    public static TheoryData<string> HostileLastEventIds => new()
    {
        "garbage",
        "-1",
        "99999999999999999999999999",
        "",
        "0x10",
        new string('9', 4000),
        "1; DROP TABLE runs",
        "é\u00ff",
    };

    [Theory]
    [MemberData(nameof(HostileLastEventIds))]
    public async Task StreamRunEvents_AnyLastEventId_IgnoredWithAFreshSnapshot(string lastEventId)
    {
        await using var events = EventsGateway.Start();
        var path = SeedRunning(events);

        await using var stream = await SseStream.OpenAsync(events.Gateway.Client, path + "/events", lastEventId);

        var snapshot = (await stream.NextEventAsync()).ShouldNotBeNull();
        snapshot.Name.ShouldBe("snapshot");
        snapshot.Json.GetProperty("run").GetProperty("state").GetString().ShouldBe("running");
    }

    [Fact]
    public async Task StreamRunEvents_Resume_SecondConnectionGetsSnapshotOfCurrentState()
    {
        await using var events = EventsGateway.Start();
        var path = await TriggerAsync(events);
        string? lastId;
        await using (var first = await SseStream.OpenAsync(events.Gateway.Client, path + "/events"))
        {
            lastId = (await first.NextEventAsync()).ShouldNotBeNull().Id;
        }

        await using var resumed = await SseStream.OpenAsync(events.Gateway.Client, path + "/events", lastId);

        var snapshot = (await resumed.NextEventAsync()).ShouldNotBeNull();
        snapshot.Name.ShouldBe("snapshot");
        snapshot.Json.GetProperty("task_instances").GetArrayLength().ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task StreamRunEvents_AirflowFails_ErrorEventThenStreamRecovers()
    {
        await using var events = EventsGateway.Start();
        var path = SeedRunning(events);
        await using var stream = await SseStream.OpenAsync(events.Gateway.Client, path + "/events");
        (await stream.NextEventAsync()).ShouldNotBeNull().Name.ShouldBe("snapshot");

        events.Emulator.Faults.RespondWithStatus(HttpMethod.Get, $"/api/v2/dags/{Amr}/dagRuns/busy", 503, count: 2);
        await events.PollOnceAsync();
        var error = (await stream.NextEventAsync()).ShouldNotBeNull();
        error.Name.ShouldBe("error");
        error.Json.GetProperty("status").GetInt32().ShouldBe(503);
        error.Json.GetProperty("type").GetString().ShouldBe("https://airgate.dev/problems/airflow-unavailable");
        error.Json.GetProperty("title").GetString().ShouldNotBeNullOrEmpty();

        // Airflow is back and the run was stopped meanwhile: the stream, still open, tells it and ends.
        await (await events.Gateway.ClientFor("root", "admin").PatchJsonAsync(path, null)).ShouldBeJsonAsync();
        await events.PollUntilAsync(stream, "end");
        var after = stream.Received.SkipWhile(e => e.Name != "error").Skip(1).Where(e => e.Name != SseEvent.Comment).ToList();
        after.ShouldContain(e => e.Name == "run" && e.Json.GetProperty("run").GetProperty("state").GetString() == "failed");
        after[^1].Json.GetProperty("state").GetString().ShouldBe("failed");
    }

    [Fact]
    public async Task StreamRunEvents_AirflowHangs_ErrorEventOnceThePollExceedsItsBudgetThenKeepsTrying()
    {
        // Airflow's own attempt timeout (a minute) is far past the ten seconds of fake time this test moves.
        await using var events = EventsGateway.Start(options =>
        {
            options.Settings["Airgate:Runs:InteractiveReadBudget"] = "00:00:03";
            options.Settings["Airgate:Airflow:RequestTimeout"] = "00:01:00";
        });
        var path = SeedRunning(events);
        await using var stream = await SseStream.OpenAsync(events.Gateway.Client, path + "/events");
        (await stream.NextEventAsync()).ShouldNotBeNull().Name.ShouldBe("snapshot");
        events.Emulator.Faults.Hang(HttpMethod.Get, $"/api/v2/dags/{Amr}/dagRuns/busy", count: 1000);

        for (var second = 0; second < 10 && !stream.Received.Any(e => e.Name == "error"); second++)
        {
            events.Clock.Advance(TimeSpan.FromSeconds(1));
            await Task.Delay(100, CancellationToken.None);
        }

        await EventsGateway.EventuallyAsync(() => stream.Received.Any(e => e.Name == "error"), "an error event while Airflow hangs");
        var error = stream.Received.First(e => e.Name == "error");
        error.Json.GetProperty("status").GetInt32().ShouldBe(504);
        error.Json.GetProperty("type").GetString().ShouldBe("https://airgate.dev/problems/airflow-timeout");

        // The poller goes on asking: each poll past the budget is abandoned and the next one starts on time.
        var polls = events.Watchers.Polls;
        for (var second = 0; second < 20 && events.Watchers.Polls < polls + 3; second++)
        {
            events.Clock.Advance(TimeSpan.FromSeconds(1));
            await Task.Delay(100, CancellationToken.None);
        }

        await EventsGateway.EventuallyAsync(() => events.Watchers.Polls >= polls + 3, "three more polls, each ended by its budget");
        stream.Received.Count(e => e.Name == "error").ShouldBe(1, "one error per outage");
    }

    [Fact]
    public async Task StreamRunEvents_IdleStream_KeepAliveComment()
    {
        await using var events = EventsGateway.Start();
        var path = SeedRunning(events);
        await using var stream = await SseStream.OpenAsync(events.Gateway.Client, path + "/events");
        (await stream.NextEventAsync()).ShouldNotBeNull().Name.ShouldBe("snapshot");

        // The comment's timer starts when the stream goes idle, which the test cannot see: advance until it comes
        // (bounded by the guard, so a stream without keep-alives fails rather than hangs).
        using var guard = new CancellationTokenSource(SseStream.Guard);
        while (!stream.Received.Any(e => e.Name == SseEvent.Comment))
        {
            guard.IsCancellationRequested.ShouldBeFalse("no keep-alive comment came");
            events.Clock.Advance(TimeSpan.FromSeconds(15));
            await Task.Delay(50, CancellationToken.None);
        }

        stream.Received.First(e => e.Name == SseEvent.Comment).Data.ShouldBe("keep-alive");
        stream.Received.First(e => e.Name is not SseEvent.Comment).Name.ShouldBe("snapshot");
    }

    [Fact]
    public async Task StreamRunEvents_ClientLeaves_PollerStopsAndAirflowIsNotAskedAgain()
    {
        await using var events = EventsGateway.Start();
        var path = SeedRunning(events);
        var stream = await SseStream.OpenAsync(events.Gateway.Client, path + "/events");
        (await stream.NextEventAsync()).ShouldNotBeNull().Name.ShouldBe("snapshot");
        events.Watchers.Count.ShouldBe(1);

        await stream.DisposeAsync();

        await EventsGateway.EventuallyAsync(() => events.Watchers.Count == 0, "the poller stopped after the last watcher left");
        events.Emulator.ClearRequests();
        for (var i = 0; i < 5; i++)
        {
            events.Clock.Advance(EventsGateway.PollInterval);
        }

        CallsFor(events, "busy").ShouldBe(0);
    }

    [Fact]
    public async Task StreamRunEvents_LimitsPerUserAndOverall_429And503WithRetryAfter()
    {
        await using var events = EventsGateway.Start(options =>
        {
            options.Settings["Airgate:Events:MaxStreamsPerUser"] = "2";
            options.Settings["Airgate:Events:MaxStreams"] = "3";
        });
        var path = SeedRunning(events) + "/events";
        var alice = events.Gateway.ClientFor("alice");
        await using var a1 = await SseStream.OpenAsync(alice, path);
        var a2 = await SseStream.OpenAsync(alice, path);

        var tooMany = await alice.GetAsync(path);
        var problem = await tooMany.ShouldBeProblemAsync(HttpStatusCode.TooManyRequests);
        problem.GetProperty("type").GetString().ShouldBe("https://airgate.dev/problems/too-many-streams");
        tooMany.Headers.RetryAfter.ShouldNotBeNull();

        await using var b1 = await SseStream.OpenAsync(events.Gateway.ClientFor("bob"), path);
        var full = await events.Gateway.ClientFor("carol").GetAsync(path);
        (await full.ShouldBeProblemAsync(HttpStatusCode.ServiceUnavailable)).GetProperty("type").GetString()
            .ShouldBe("https://airgate.dev/problems/streams-exhausted");
        full.Headers.RetryAfter.ShouldNotBeNull();

        // A closed stream gives its slot back.
        await a2.DisposeAsync();
        await EventsGateway.EventuallyAsync(() => events.Gateway.Services.GetRequiredService<Airgate.Runs.Events.StreamLimits>().Open == 2, "the slot was released");
        await using var a3 = await SseStream.OpenAsync(alice, path);
        (await a3.NextEventAsync()).ShouldNotBeNull().Name.ShouldBe("snapshot");
    }

    [Fact]
    public async Task StreamRunEvents_RunNotVisible_404LikeAMissingRun()
    {
        await using var events = EventsGateway.Start(options => options.Settings["Airgate:Auth:RunVisibility"] = "Own");
        var path = await TriggerAsync(events);

        var hidden = await (await events.Gateway.ClientFor("bob").GetAsync(path + "/events")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        var missing = await (await events.Gateway.ClientFor("bob").GetAsync(RunBodies.ScreenRuns + "/no_such_run/events")).ShouldBeProblemAsync(HttpStatusCode.NotFound);

        hidden.GetProperty("type").GetString().ShouldBe(missing.GetProperty("type").GetString());
        events.Watchers.Count.ShouldBe(0);
    }

    [Theory]
    [InlineData("/api/v1/workflows/bad%20dag/runs/x/events")]
    [InlineData("/api/v1/workflows/bactopia_species_screen/runs/bad%2Frun/events")]
    [InlineData("/api/v1/workflows/bactopia_species_screen/runs/a%20b/events")]
    [InlineData("/api/v1/workflows/bactopia_species_screen/runs/a%0Ab/events")]
    public async Task StreamRunEvents_HostileIds_400BeforeAnyStream(string path)
    {
        await using var events = EventsGateway.Start();

        var response = await events.Gateway.Client.GetAsync(path);

        ((int)response.StatusCode).ShouldBeInRange(400, 404);
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json");
        events.Watchers.Count.ShouldBe(0);
    }
}
