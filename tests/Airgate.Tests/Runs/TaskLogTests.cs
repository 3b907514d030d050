using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Airgate.Testing;
using Airgate.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Airgate.Tests.Runs;

public sealed class TaskLogTests
{
    // With the emulator's defaults a run starts 3 s after its trigger; prepare_samples runs from 6 s to 26 s,
    // logging a line every 2 s.
    private static async Task<(Gateway Gateway, ManualTimeProvider Clock, string Path)> StartAsync(TimeSpan after)
    {
        var clock = new ManualTimeProvider();
        var gateway = Gateway.Start(options =>
        {
            options.Clock = clock;
            options.Settings["Airgate:Logs:FollowInterval"] = "00:00:01";
        });
        var run = await (await gateway.Client.TriggerAsync(RunBodies.ValidScreen())).ShouldBeJsonAsync(HttpStatusCode.Created);
        clock.Advance(after);
        return (gateway, clock, RunBodies.RunPath(run) + "/tasks/prepare_samples/logs");
    }

    private static int LogRequests(Gateway gateway) => gateway.Emulator.Requests.Count(r => r.Path.Contains("/logs/", StringComparison.Ordinal));

    [Fact]
    public async Task GetTaskLog_Json_AnswersAirflowsEntriesAndATokenThatReadsOnlyWhatFollows()
    {
        var (gateway, clock, path) = await StartAsync(TimeSpan.FromSeconds(7));
        await using var _ = gateway;

        var first = await (await gateway.Client.GetAsync(path)).ShouldBeJsonAsync();
        clock.Advance(TimeSpan.FromSeconds(4));
        var token = first.GetProperty("continuation_token").GetString()!;
        var next = await (await gateway.Client.GetAsync($"{path}?continuation_token={Uri.EscapeDataString(token)}")).ShouldBeJsonAsync();
        clock.Advance(TimeSpan.FromSeconds(30));
        var whole = await (await gateway.Client.GetAsync(path + "?try_number=1&map_index=-1")).ShouldBeJsonAsync();

        first.GetProperty("content").EnumerateArray().Select(e => e.GetProperty("event").GetString()).ShouldBe(
            ["Executing task prepare_samples (map_index -1, try 1) on the Airflow emulator", "Emulated work started"]);
        next.GetProperty("content").EnumerateArray().Select(e => e.GetProperty("event").GetString()).ShouldBe(["Emulated work 10% done", "Emulated work 20% done"]);
        whole.GetProperty("content").GetArrayLength().ShouldBe(12);
        whole.GetProperty("continuation_token").ValueKind.ShouldBe(JsonValueKind.Null);
    }

    [Fact]
    public async Task GetTaskLog_TextPlain_OneLinePerEntry()
    {
        var (gateway, _, path) = await StartAsync(TimeSpan.FromSeconds(40));
        await using var _g = gateway;
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Accept.ParseAdd("text/plain");

        using var response = await gateway.Client.SendAsync(request);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/plain");
        var lines = (await response.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines.Length.ShouldBe(12);
        lines[0].ShouldEndWith("INFO task - Executing task prepare_samples (map_index -1, try 1) on the Airflow emulator");
        lines[0].ShouldStartWith("[20");
        lines[^1].ShouldContain("Task instance in success state");
        gateway.Emulator.Requests.Single(r => r.Path.Contains("/logs/", StringComparison.Ordinal)).PathAndQuery.ShouldNotContain("token=");
    }

    [Fact]
    public async Task GetTaskLog_TextOfALargeLog_IsPassedOnBeforeAirflowHasSentItAll()
    {
        var (gateway, _, path) = await StartAsync(TimeSpan.FromSeconds(40));
        await using var _g = gateway;
        gateway.Emulator.Logs.Pad(RunBodies.Screen, "prepare_samples", 20_000);
        var release = gateway.Emulator.Logs.Hold(RunBodies.Screen, "prepare_samples", afterLines: 100);
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Accept.ParseAdd("text/plain");

        using var response = await gateway.Client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead).WaitAsync(TimeSpan.FromSeconds(30));
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());
        var early = new List<string>();
        for (var i = 0; i < 100; i++)
        {
            early.Add((await reader.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(30)))!);
        }

        // Airflow (the emulator) is still holding the rest of the log: what arrived was streamed, not buffered whole.
        release.Task.IsCompleted.ShouldBeFalse();
        release.SetResult();
        var rest = (await reader.ReadToEndAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);

        early[0].ShouldContain("Executing task prepare_samples");
        early[^1].ShouldContain("Emulated output line 98 of 20000");
        (early.Count + rest.Length).ShouldBe(2 + 20_000 + 9 + 1);
        rest[^1].ShouldContain("success");
    }

    [Fact]
    public async Task GetTaskLog_FollowAFinishedTask_SendsTheLogThenEndsAtOnce()
    {
        var (gateway, _, path) = await StartAsync(TimeSpan.FromSeconds(40));
        await using var _g = gateway;

        using var response = await gateway.Client.GetAsync(path + "?follow=true").WaitAsync(TimeSpan.FromSeconds(30));
        var events = ParseEvents(await response.Content.ReadAsStringAsync().WaitAsync(TimeSpan.FromSeconds(30)));

        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/event-stream");
        events.Select(e => e.Name).ShouldBe(["log", "end"]);
        events[0].Data.GetProperty("content").GetArrayLength().ShouldBe(12);
        events[1].Data.GetProperty("state").GetString().ShouldBe("success");
    }

    [Fact]
    public async Task GetTaskLog_FollowARunningTask_SendsNewLinesAsTheyComeThenEnds()
    {
        var (gateway, clock, path) = await StartAsync(TimeSpan.FromSeconds(7));
        await using var _g = gateway;

        using var response = await gateway.Client.GetAsync(path + "?follow=true", HttpCompletionOption.ResponseHeadersRead).WaitAsync(TimeSpan.FromSeconds(30));
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());
        var first = await ReadEventAsync(reader);
        var reading = Task.Run(async () =>
        {
            var events = new List<(string Name, JsonElement Data)>();
            while (events.Count == 0 || events[^1].Name != "end")
            {
                events.Add(await ReadEventAsync(reader));
            }

            return events;
        });

        // Move the clock a second at a time until the stream ends: the task finishes at 26 s, each poll waits 1 s.
        // (The real-time bound only turns a hang into a failure; no outcome depends on speed.)
        var bound = System.Diagnostics.Stopwatch.StartNew();
        while (!reading.IsCompleted && bound.Elapsed < TimeSpan.FromSeconds(60))
        {
            clock.Advance(TimeSpan.FromSeconds(1));
            await Task.WhenAny(reading, Task.Delay(20));
        }

        var rest = await reading.WaitAsync(TimeSpan.FromSeconds(30));

        first.Name.ShouldBe("log");
        first.Data.GetProperty("content").GetArrayLength().ShouldBe(2);
        rest.Where(e => e.Name == "log").Sum(e => e.Data.GetProperty("content").GetArrayLength()).ShouldBe(10);
        rest[^1].Data.GetProperty("state").GetString().ShouldBe("success");
    }

    [Fact]
    public async Task GetTaskLog_FollowATaskNotStartedYet_SaysItWaitsThenStreamsItsFirstTry()
    {
        // One second after the trigger the run has not started; prepare_samples starts at 6 s.
        var (gateway, clock, path) = await StartAsync(TimeSpan.FromSeconds(1));
        await using var _g = gateway;

        using var response = await gateway.Client.GetAsync(path + "?follow=true", HttpCompletionOption.ResponseHeadersRead).WaitAsync(TimeSpan.FromSeconds(30));
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());
        (await reader.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(30))).ShouldBe(": waiting for the task instance to start");
        var reading = Task.Run(async () =>
        {
            var events = new List<(string Name, JsonElement Data)>();
            while (events.Count == 0 || events[^1].Name != "end")
            {
                events.Add(await ReadEventAsync(reader));
            }

            return events;
        });

        // (The real-time bound only turns a hang into a failure; no outcome depends on speed.)
        var bound = System.Diagnostics.Stopwatch.StartNew();
        while (!reading.IsCompleted && bound.Elapsed < TimeSpan.FromSeconds(60))
        {
            clock.Advance(TimeSpan.FromSeconds(1));
            await Task.WhenAny(reading, Task.Delay(20));
        }

        var events = await reading.WaitAsync(TimeSpan.FromSeconds(30));

        events.Where(e => e.Name == "log").Sum(e => e.Data.GetProperty("content").GetArrayLength()).ShouldBe(12, "every line of the first try");
        events[^1].Data.GetProperty("state").GetString().ShouldBe("success");
    }

    [Fact]
    public async Task GetTaskLog_Follows_CountAgainstTheUsersStreamLimit()
    {
        var clock = new ManualTimeProvider();
        await using var gateway = Gateway.Start(options =>
        {
            options.Clock = clock;
            options.Settings["Airgate:Events:MaxStreamsPerUser"] = "2";
        });
        var run = await (await gateway.Client.TriggerAsync(RunBodies.ValidScreen())).ShouldBeJsonAsync(HttpStatusCode.Created);
        clock.Advance(TimeSpan.FromSeconds(7));
        var path = RunBodies.RunPath(run) + "/tasks/prepare_samples/logs?follow=true";
        var alice = gateway.ClientFor("alice");

        using var first = await alice.GetAsync(path, HttpCompletionOption.ResponseHeadersRead).WaitAsync(TimeSpan.FromSeconds(30));
        using var second = await alice.GetAsync(path, HttpCompletionOption.ResponseHeadersRead).WaitAsync(TimeSpan.FromSeconds(30));
        using var third = await alice.GetAsync(path, HttpCompletionOption.ResponseHeadersRead).WaitAsync(TimeSpan.FromSeconds(30));
        using var eventsToo = await alice.GetAsync(RunBodies.RunPath(run) + "/events", HttpCompletionOption.ResponseHeadersRead).WaitAsync(TimeSpan.FromSeconds(30));
        using var bob = await gateway.ClientFor("bob").GetAsync(path, HttpCompletionOption.ResponseHeadersRead).WaitAsync(TimeSpan.FromSeconds(30));

        first.StatusCode.ShouldBe(HttpStatusCode.OK);
        second.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await third.ShouldBeProblemAsync(HttpStatusCode.TooManyRequests)).GetProperty("type").GetString().ShouldBe("https://airgate.dev/problems/too-many-streams");
        third.Headers.RetryAfter.ShouldNotBeNull();
        await eventsToo.ShouldBeProblemAsync(HttpStatusCode.TooManyRequests);
        bob.StatusCode.ShouldBe(HttpStatusCode.OK);

        // Closing one frees its slot (once the server has seen the client go; the bound only turns a hang into a failure).
        first.Dispose();
        var bound = System.Diagnostics.Stopwatch.StartNew();
        HttpResponseMessage fourth;
        while (true)
        {
            fourth = await alice.GetAsync(path, HttpCompletionOption.ResponseHeadersRead).WaitAsync(TimeSpan.FromSeconds(30));
            if (fourth.StatusCode != HttpStatusCode.TooManyRequests || bound.Elapsed > TimeSpan.FromSeconds(30))
            {
                break;
            }

            fourth.Dispose();
            await Task.Delay(20);
        }

        using (fourth)
        {
            fourth.StatusCode.ShouldBe(HttpStatusCode.OK);
        }
    }

    [Fact]
    public async Task GetTaskLog_ManyFollowersOfOneTry_ShareOnePollerAndEachGetsTheWholeLog()
    {
        const int Followers = 10;
        var (gateway, clock, path) = await StartAsync(TimeSpan.FromSeconds(7));
        await using var _g = gateway;
        var logCallsBefore = LogRequests(gateway);

        var readers = new List<Task<List<(string Name, JsonElement Data)>>>();
        var responses = new List<HttpResponseMessage>();
        async Task FollowAsync()
        {
            var response = await gateway.Client.GetAsync(path + "?follow=true", HttpCompletionOption.ResponseHeadersRead).WaitAsync(TimeSpan.FromSeconds(30));
            response.StatusCode.ShouldBe(HttpStatusCode.OK);
            responses.Add(response);
            var reader = new StreamReader(await response.Content.ReadAsStreamAsync());
            readers.Add(Task.Run(async () =>
            {
                var events = new List<(string Name, JsonElement Data)>();
                while (events.Count == 0 || events[^1].Name != "end")
                {
                    events.Add(await ReadEventAsync(reader));
                }

                return events;
            }));
        }

        for (var i = 0; i < Followers; i++)
        {
            await FollowAsync();
        }

        // Move the clock a second at a time (the follow interval) until every stream has ended; a late follower joins
        // half-way and must still get the log from its first line. (The real-time bound only turns a hang into a failure.)
        var steps = 0;
        var bound = System.Diagnostics.Stopwatch.StartNew();
        while (!readers.All(r => r.IsCompleted) && bound.Elapsed < TimeSpan.FromSeconds(90))
        {
            clock.Advance(TimeSpan.FromSeconds(1));
            steps++;
            if (steps == 8)
            {
                await FollowAsync();
            }

            await Task.WhenAny(Task.WhenAll(readers), Task.Delay(20));
        }

        var results = await Task.WhenAll(readers).WaitAsync(TimeSpan.FromSeconds(30));
        responses.ForEach(r => r.Dispose());

        results.Length.ShouldBe(Followers + 1);
        foreach (var events in results)
        {
            events.Where(e => e.Name == "log").Sum(e => e.Data.GetProperty("content").GetArrayLength()).ShouldBe(12, "every line of the try, once");
            events[^1].Data.GetProperty("state").GetString().ShouldBe("success");
        }

        // One poller reads the log at most once per interval (twice when a poll spans a step): eleven pollers would
        // have read it eleven times per interval, and eleven times before the first step.
        var logCalls = LogRequests(gateway) - logCallsBefore;
        logCalls.ShouldBeLessThanOrEqualTo((2 * steps) + 1, $"{logCalls} log reads over {steps} intervals");
        gateway.Services.GetRequiredService<Airgate.Runs.Logs.TaskLogFollowers>().Count.ShouldBe(0, "the poller ended with the log");
    }

    [Fact]
    public async Task GetTaskLog_LastFollowerLeaving_StopsThePoller()
    {
        var (gateway, clock, path) = await StartAsync(TimeSpan.FromSeconds(7));
        await using var _g = gateway;
        var followers = gateway.Services.GetRequiredService<Airgate.Runs.Logs.TaskLogFollowers>();

        var first = await gateway.Client.GetAsync(path + "?follow=true", HttpCompletionOption.ResponseHeadersRead).WaitAsync(TimeSpan.FromSeconds(30));
        var second = await gateway.Client.GetAsync(path + "?follow=true", HttpCompletionOption.ResponseHeadersRead).WaitAsync(TimeSpan.FromSeconds(30));
        followers.Count.ShouldBe(1, "two followers of one try share one poller");

        first.Dispose();
        second.Dispose();
        var bound = System.Diagnostics.Stopwatch.StartNew();
        while (followers.Count > 0 && bound.Elapsed < TimeSpan.FromSeconds(30))
        {
            await Task.Delay(20);
        }

        followers.Count.ShouldBe(0, "the last follower's leaving stops the poller");
        var logCalls = LogRequests(gateway);
        for (var i = 0; i < 5; i++)
        {
            clock.Advance(TimeSpan.FromSeconds(1));
            await Task.Delay(20);
        }

        LogRequests(gateway).ShouldBe(logCalls, "a stopped poller reads nothing more");
    }

    [Theory]
    [InlineData("/tasks/no_such_task/logs")]
    [InlineData("/tasks/prepare_samples/logs?map_index=7")]
    [InlineData("/tasks/prepare_samples/logs?try_number=5")]
    [InlineData("/tasks/publish_report/logs")]
    public async Task GetTaskLog_NoSuchLog_Is404Problem(string suffix)
    {
        var (gateway, _, path) = await StartAsync(TimeSpan.FromSeconds(7));
        await using var _g = gateway;

        var problem = await (await gateway.Client.GetAsync(path.Replace("/tasks/prepare_samples/logs", suffix, StringComparison.Ordinal))).ShouldBeProblemAsync(HttpStatusCode.NotFound);

        problem.GetProperty("detail").GetString()!.ShouldContain("has no log");
    }

    [Fact]
    public async Task GetTaskLog_HiddenRun_Is404AndReadsNoLog()
    {
        await using var gateway = Gateway.Start(options => options.Settings["Airgate:Auth:RunVisibility"] = "Own");
        var run = await (await gateway.ClientFor("alice").TriggerAsync(RunBodies.ValidScreen())).ShouldBeJsonAsync(HttpStatusCode.Created);

        await (await gateway.ClientFor("bob").GetAsync(RunBodies.RunPath(run) + "/tasks/prepare_samples/logs?try_number=1")).ShouldBeProblemAsync(HttpStatusCode.NotFound);

        LogRequests(gateway).ShouldBe(0);
    }

    [Theory]
    [InlineData("try_number=0")]
    [InlineData("try_number=-1")]
    [InlineData("try_number=99999999999")]
    [InlineData("try_number=1.5")]
    [InlineData("try_number=one")]
    [InlineData("try_number=")]
    [InlineData("try_number=1&try_number=2")]
    [InlineData("map_index=-2")]
    [InlineData("map_index=+1")]
    [InlineData("map_index=-0x1")]
    [InlineData("map_index=--1")]
    [InlineData("map_index=x")]
    [InlineData("map_index=99999999999")]
    [InlineData("follow=garbage")]
    [InlineData("follow=")]
    [InlineData("continuation_token=")]
    [InlineData("continuation_token=%00abc")]
    public async Task GetTaskLog_HostileQuery_Is400AndNothingIsAskedOfAirflow(string query)
    {
        var (gateway, _, path) = await StartAsync(TimeSpan.FromSeconds(7));
        await using var _g = gateway;
        gateway.Emulator.ClearRequests();

        await (await gateway.Client.GetAsync($"{path}?{query}")).ShouldBeProblemAsync(HttpStatusCode.BadRequest);

        gateway.Emulator.Requests.ShouldBeEmpty();
    }

    [Fact]
    public async Task GetTaskLog_HugeOrForeignContinuationToken_Is400()
    {
        var (gateway, _, path) = await StartAsync(TimeSpan.FromSeconds(7));
        await using var _g = gateway;

        await (await gateway.Client.GetAsync($"{path}?continuation_token={new string('a', 5000)}")).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        LogRequests(gateway).ShouldBe(0);
        await (await gateway.Client.GetAsync($"{path}?continuation_token=forged")).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
    }

    private static async Task<(string Name, JsonElement Data)> ReadEventAsync(StreamReader reader)
    {
        string? name = null;
        string? data = null;
        while (await reader.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(30)) is { } line)
        {
            if (line.Length == 0 && name is not null)
            {
                return (name, JsonDocument.Parse(data!).RootElement.Clone());
            }

            if (line.StartsWith("event: ", StringComparison.Ordinal))
            {
                name = line["event: ".Length..];
            }
            else if (line.StartsWith("data: ", StringComparison.Ordinal))
            {
                data = line["data: ".Length..];
            }
        }

        throw new EndOfStreamException("The event stream ended before an event was complete.");
    }

    private static List<(string Name, JsonElement Data)> ParseEvents(string text) =>
        [.. text.Split("\n\n", StringSplitOptions.RemoveEmptyEntries)
            .Select(block => block.Split('\n'))
            .Where(lines => lines.Any(l => l.StartsWith("event: ", StringComparison.Ordinal)))
            .Select(lines => (
                lines.First(l => l.StartsWith("event: ", StringComparison.Ordinal))["event: ".Length..],
                JsonDocument.Parse(lines.First(l => l.StartsWith("data: ", StringComparison.Ordinal))["data: ".Length..]).RootElement.Clone()))];
}
