using System.Net;
using Airgate.AirflowEmulator;
using Airgate.Core.Runs;
using Airgate.Runs;
using Airgate.Runs.Mirror;
using Airgate.Testing;
using Airgate.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Airgate.Tests.Runs;

/// <summary>Retries, replays and lost answers converge on exactly one run.</summary>
public sealed class IdempotencyTests
{
    private const string TriggerPath = "/api/v2/dags/bactopia_species_screen/dagRuns";

    [Fact]
    public async Task TriggerRun_SameKeyAndBody_Returns200WithTheSameRunAndTriggersOnce()
    {
        await using var gateway = Gateway.Start();
        var first = await gateway.Client.TriggerAsync(RunBodies.ValidScreen(), "key-1");
        var created = await first.ShouldBeJsonAsync(HttpStatusCode.Created);

        var second = await gateway.Client.TriggerAsync(RunBodies.ValidScreen(), "key-1");

        var replayed = await second.ShouldBeJsonAsync(HttpStatusCode.OK);
        replayed.GetProperty("dag_run_id").GetString().ShouldBe(created.GetProperty("dag_run_id").GetString());
        replayed.GetProperty("conf").ToString().ShouldBe(created.GetProperty("conf").ToString());
        replayed.GetProperty("pipelines").ToString().ShouldBe(created.GetProperty("pipelines").ToString());
        second.Headers.Location.ShouldBe(first.Headers.Location);
        second.Headers.GetValues("Idempotent-Replayed").ShouldBe(["true"]);
        gateway.Emulator.TriggerPosts().ShouldBe(1);
    }

    [Fact]
    public async Task TriggerRun_SameKeyConcurrently_OneRun()
    {
        await using var gateway = Gateway.Start();

        var responses = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => gateway.Client.TriggerAsync(RunBodies.ValidScreen(), "burst")));

        var runIds = new List<string?>();
        foreach (var response in responses)
        {
            ((int)response.StatusCode).ShouldBeOneOf(200, 201);
            runIds.Add((await response.ShouldBeJsonAsync(response.StatusCode)).GetProperty("dag_run_id").GetString());
        }

        runIds.Distinct().ShouldHaveSingleItem();
        responses.Count(r => r.StatusCode == HttpStatusCode.Created).ShouldBe(1);
        var list = await (await gateway.Client.GetAsync(RunBodies.ScreenRuns)).ShouldBeJsonAsync();
        list.GetProperty("total_entries").GetInt64().ShouldBe(1);
    }

    [Fact]
    public async Task TriggerRun_SameKeyOtherBody_Returns422()
    {
        await using var gateway = Gateway.Start();
        await (await gateway.Client.TriggerAsync(RunBodies.ValidScreen(), "key-1")).ShouldBeJsonAsync(HttpStatusCode.Created);

        var problem = await (await gateway.Client.TriggerAsync(RunBodies.ValidScreen("/data/other"), "key-1"))
            .ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity);

        problem.GetProperty("type").GetString().ShouldBe("https://airgate.dev/problems/idempotency-key-reused");
        gateway.Emulator.TriggerPosts().ShouldBe(1);
    }

    [Fact]
    public async Task TriggerRun_SameKeyOtherUser_StartsTheirOwnRun()
    {
        await using var gateway = Gateway.Start();
        var alice = await (await gateway.ClientFor("alice").TriggerAsync(RunBodies.ValidScreen(), "shared")).ShouldBeJsonAsync(HttpStatusCode.Created);

        var bob = await (await gateway.ClientFor("bob").TriggerAsync(RunBodies.ValidScreen(), "shared")).ShouldBeJsonAsync(HttpStatusCode.Created);

        bob.GetProperty("dag_run_id").GetString().ShouldNotBe(alice.GetProperty("dag_run_id").GetString());
        gateway.Emulator.TriggerPosts().ShouldBe(2);
    }

    [Theory]
    [InlineData("tab\there")]
    [InlineData("caf\u00e9")]
    public async Task TriggerRun_BadIdempotencyKey_Returns400(string key)
    {
        await using var gateway = Gateway.Start();
        var request = new HttpRequestMessage(HttpMethod.Post, RunBodies.ScreenRuns) { Content = RunBodies.Json(RunBodies.ValidScreen()) };
        request.Headers.TryAddWithoutValidation("Idempotency-Key", key);

        var problem = await (await gateway.Client.SendAsync(request)).ShouldBeProblemAsync(HttpStatusCode.BadRequest);

        problem.GetProperty("detail").GetString()!.ShouldContain("Idempotency-Key");
        gateway.Emulator.TriggerPosts().ShouldBe(0);
    }

    [Fact]
    public async Task TriggerRun_KeyTooLong_Returns400()
    {
        await using var gateway = Gateway.Start();

        await (await gateway.Client.TriggerAsync(RunBodies.ValidScreen(), new string('k', 201))).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
    }

    [Theory]
    [InlineData(LostAnswer.DropConnection)]
    [InlineData(LostAnswer.GatewayTimeout)]
    public async Task TriggerRun_AnswerLostThenRetried_ReturnsTheOneRunAndTriggersOnce(LostAnswer how)
    {
        await using var gateway = Gateway.Start();
        gateway.Emulator.Faults.LoseAnswer(HttpMethod.Post, TriggerPath, how: how);

        var lost = await gateway.Client.TriggerAsync(RunBodies.ValidScreen(), "retry-me");

        ((int)lost.StatusCode).ShouldBeOneOf(502, 504);
        var problem = await lost.ShouldBeProblemAsync(lost.StatusCode);
        problem.GetProperty("detail").GetString()!.ShouldContain("same Idempotency-Key");
        problem.GetProperty("run_may_exist").GetBoolean().ShouldBeTrue();
        var runId = problem.GetProperty("dag_run_id").GetString();

        var retried = await (await gateway.Client.TriggerAsync(RunBodies.ValidScreen(), "retry-me")).ShouldBeJsonAsync(HttpStatusCode.OK);

        retried.GetProperty("dag_run_id").GetString().ShouldBe(runId);
        gateway.Emulator.TriggerPosts().ShouldBe(1);
        var list = await (await gateway.Client.GetAsync(RunBodies.ScreenRuns)).ShouldBeJsonAsync();
        list.GetProperty("total_entries").GetInt64().ShouldBe(1);
    }

    [Fact]
    public async Task TriggerRun_AirflowFailedBeforeCreatingThenRetried_TriggersTheSameRunIdOnce()
    {
        await using var gateway = Gateway.Start();
        gateway.Emulator.Faults.RespondWithStatus(HttpMethod.Post, TriggerPath, 502);

        var problem = await (await gateway.Client.TriggerAsync(RunBodies.ValidScreen(), "k")).ShouldBeProblemAsync(HttpStatusCode.BadGateway);
        var runId = problem.GetProperty("dag_run_id").GetString();

        var retried = await (await gateway.Client.TriggerAsync(RunBodies.ValidScreen(), "k")).ShouldBeJsonAsync(HttpStatusCode.OK);

        retried.GetProperty("dag_run_id").GetString().ShouldBe(runId);
        var list = await (await gateway.Client.GetAsync(RunBodies.ScreenRuns)).ShouldBeJsonAsync();
        list.GetProperty("total_entries").GetInt64().ShouldBe(1);
    }

    [Fact]
    public async Task Reconciler_PendingRunExistsInAirflow_ConfirmsIt()
    {
        var clock = new ManualTimeProvider();
        await using var gateway = Gateway.Start(options => options.Clock = clock);
        gateway.Emulator.Faults.LoseAnswer(HttpMethod.Post, TriggerPath);
        var problem = await (await gateway.Client.TriggerAsync(RunBodies.ValidScreen())).ShouldBeProblemAsync(HttpStatusCode.BadGateway);
        var runId = problem.GetProperty("dag_run_id").GetString()!;
        var store = gateway.Services.GetRequiredService<IRunStore>();
        (await store.GetAsync(RunBodies.Screen, runId))!.RecordState.ShouldBe(RunRecordState.Pending);

        clock.Advance(TimeSpan.FromMinutes(1));
        var settled = await gateway.Services.GetRequiredService<RunSettler>().ReconcileOnceAsync(CancellationToken.None);

        settled.ShouldBe(1);
        (await store.GetAsync(RunBodies.Screen, runId))!.RecordState.ShouldBe(RunRecordState.Confirmed);
        gateway.Emulator.TriggerPosts().ShouldBe(1);
    }

    [Fact]
    public async Task Reconciler_PendingRunNeverReachedAirflow_FailsItAfterTheGracePeriodWithoutTriggering()
    {
        var clock = new ManualTimeProvider();
        await using var gateway = Gateway.Start(options => options.Clock = clock);
        gateway.Emulator.Faults.RespondWithStatus(HttpMethod.Post, TriggerPath, 503);
        var problem = await (await gateway.Client.TriggerAsync(RunBodies.ValidScreen(), "k")).ShouldBeProblemAsync(HttpStatusCode.ServiceUnavailable);
        var runId = problem.GetProperty("dag_run_id").GetString()!;
        var settler = gateway.Services.GetRequiredService<RunSettler>();
        var store = gateway.Services.GetRequiredService<IRunStore>();

        clock.Advance(TimeSpan.FromMinutes(1));
        (await settler.ReconcileOnceAsync(CancellationToken.None)).ShouldBe(0);
        (await store.GetAsync(RunBodies.Screen, runId))!.RecordState.ShouldBe(RunRecordState.Pending);
        clock.Advance(TimeSpan.FromMinutes(15));
        (await settler.ReconcileOnceAsync(CancellationToken.None)).ShouldBe(1);

        (await store.GetAsync(RunBodies.Screen, runId))!.RecordState.ShouldBe(RunRecordState.Failed);
        gateway.Emulator.TriggerPosts().ShouldBe(1);
        var replay = await (await gateway.Client.TriggerAsync(RunBodies.ValidScreen(), "k")).ShouldBeProblemAsync(HttpStatusCode.Conflict);
        replay.GetProperty("detail").GetString()!.ShouldContain("new Idempotency-Key");
        gateway.Emulator.TriggerPosts().ShouldBe(1);
    }
}
