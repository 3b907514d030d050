using System.Net;
using System.Text.Json;
using Airgate.AirflowEmulator.Tests.Support;

namespace Airgate.AirflowEmulator.Tests.Hosting;

public sealed class FaultsTests
{
    private const string Trigger = "api/v2/dags/bactopia_species_screen/dagRuns";

    [Theory]
    [InlineData(500)]
    [InlineData(502)]
    [InlineData(503)]
    public async Task RespondWithStatus_NextRequest_GetsTheStatusThenServiceRecovers(int status)
    {
        await using var h = EmulatorHarness.Create();
        h.Emulator.Faults.RespondWithStatus(HttpMethod.Get, "/api/v2/dags", status);

        var faulted = await h.GetAsync("api/v2/dags", h.Unchecked);
        var next = await h.GetAsync("api/v2/dags");

        ((int)faulted.Status).ShouldBe(status);
        next.Status.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task RespondWithStatus_503WithRetryAfter_SendsTheHeaderForEachCountedRequest()
    {
        await using var h = EmulatorHarness.Create();
        h.Emulator.Faults.RespondWithStatus(null, "/api/v2/", 503, count: 2, retryAfter: TimeSpan.FromSeconds(7));

        var first = await h.GetAsync("api/v2/dags", h.Unchecked);
        var second = await h.GetAsync("api/v2/dags/reference_download", h.Unchecked);
        var third = await h.GetAsync("api/v2/dags");

        first.Status.ShouldBe(HttpStatusCode.ServiceUnavailable);
        first.Headers.RetryAfter!.Delta.ShouldBe(TimeSpan.FromSeconds(7));
        second.Status.ShouldBe(HttpStatusCode.ServiceUnavailable);
        third.Status.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task RespondWithStatus_OtherMethodOrPath_IsNotAffected()
    {
        await using var h = EmulatorHarness.Create();
        h.Emulator.Faults.RespondWithStatus(HttpMethod.Post, "/api/v2/dags/bactopia_species_screen/dagRuns", 500);

        var get = await h.GetAsync(Trigger);
        var otherDag = await h.PostAsync("api/v2/dags/bactopia_amr_analysis/dagRuns", "{}");
        var post = await h.PostAsync(Trigger, "{}", h.Unchecked);

        get.Status.ShouldBe(HttpStatusCode.OK);
        otherDag.Status.ShouldBe(HttpStatusCode.OK);
        post.Status.ShouldBe(HttpStatusCode.InternalServerError);
    }

    [Fact]
    public async Task RespondWithStatus_FaultedTrigger_CreatesNoRun()
    {
        await using var h = EmulatorHarness.Create();
        h.Emulator.Faults.RespondWithStatus(HttpMethod.Post, "/api/v2/dags/", 503);

        await h.PostAsync(Trigger, "{}", h.Unchecked);

        (await h.GetAsync(Trigger)).Json["total_entries"]!.GetValue<int>().ShouldBe(0);
    }

    [Fact]
    public async Task RespondWithGarbage_NextRequest_Gets200WithInvalidJson()
    {
        await using var h = EmulatorHarness.Create();
        h.Emulator.Faults.RespondWithGarbage(HttpMethod.Get, "/api/v2/dags");

        using var response = await h.Unchecked.GetAsync("api/v2/dags");
        var text = await response.Content.ReadAsStringAsync();

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/json");
        Should.Throw<JsonException>(() => JsonDocument.Parse(text));
    }

    [Fact]
    public async Task Hang_ClientGivesUp_RequestIsCancelledAndNextOneAnswers()
    {
        await using var h = EmulatorHarness.Create();
        h.Emulator.Faults.Hang(HttpMethod.Get, "/api/v2/version");
        using var giveUp = new CancellationTokenSource();

        // Give up only once the emulator holds the request: a fixed timer could fire before a busy machine delivers
        // it, leaving the hang unspent for the next request.
        var hung = h.Unchecked.GetAsync("api/v2/version", giveUp.Token);
        while (h.Emulator.Requests.Count == 0)
        {
            await Task.Delay(10);
        }
        await giveUp.CancelAsync();

        await Should.ThrowAsync<OperationCanceledException>(() => hung);
        var next = await h.GetAsync("api/v2/version");

        next.Status.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task AddLatency_MatchingRequest_IsStillAnsweredAndReset_RemovesIt()
    {
        await using var h = EmulatorHarness.Create();
        h.Emulator.Faults.AddLatency(TimeSpan.FromMilliseconds(30), HttpMethod.Get, "/api/v2/version");

        var delayed = await h.GetAsync("api/v2/version");
        h.Emulator.Faults.Reset();
        var after = await h.GetAsync("api/v2/version");

        delayed.Status.ShouldBe(HttpStatusCode.OK);
        after.Status.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task AddLatency_ClientGivesUp_IsCancelled()
    {
        await using var h = EmulatorHarness.Create();
        h.Emulator.Faults.AddLatency(TimeSpan.FromMinutes(10));
        using var giveUp = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));

        await Should.ThrowAsync<OperationCanceledException>(() => h.Unchecked.GetAsync("api/v2/dags", giveUp.Token));
    }

    [Fact]
    public async Task LoseAnswer_DropConnection_TriggerCreatesTheRunButClientSeesIOException()
    {
        await using var h = EmulatorHarness.Create();
        h.Emulator.Faults.LoseAnswer(HttpMethod.Post, "/api/v2/dags/bactopia_species_screen/dagRuns");

        var error = await Should.ThrowAsync<HttpRequestException>(() => h.Unchecked.PostAsync(Trigger, new StringContent("""{"dag_run_id": "airgate-1"}""", System.Text.Encoding.UTF8, "application/json")));
        var runs = await h.GetAsync(Trigger);

        error.InnerException.ShouldBeOfType<IOException>();
        runs.Json["total_entries"]!.GetValue<int>().ShouldBe(1);
        runs.Json["dag_runs"]![0]!["dag_run_id"]!.GetValue<string>().ShouldBe("airgate-1");
        h.Emulator.Requests.Count(r => r.Method == "POST" && r.Path == "/" + Trigger).ShouldBe(1);
    }

    [Fact]
    public async Task LoseAnswer_GatewayTimeout_Returns504AndTheRunExists()
    {
        await using var h = EmulatorHarness.Create();
        h.Emulator.Faults.LoseAnswer(HttpMethod.Post, "/api/v2/dags/", how: LostAnswer.GatewayTimeout);

        var lost = await h.PostAsync(Trigger, """{"dag_run_id": "airgate-2"}""", h.Unchecked);
        var retry = await h.PostAsync(Trigger, """{"dag_run_id": "airgate-2"}""");

        lost.Status.ShouldBe(HttpStatusCode.GatewayTimeout);
        retry.Status.ShouldBe(HttpStatusCode.Conflict);
        (await h.GetAsync(Trigger)).Json["total_entries"]!.GetValue<int>().ShouldBe(1);
    }

    [Fact]
    public async Task Requests_EveryRequest_IsRecordedWithMethodRawPathAndBody()
    {
        await using var h = EmulatorHarness.Create();
        h.Emulator.ClearRequests();

        await h.PostAsync(Trigger, """{"dag_run_id": "recorded"}""");
        await h.GetAsync("api/v2/dags/a%2Fb?limit=5");

        var requests = h.Emulator.Requests;
        requests.Count.ShouldBe(2);
        requests[0].Method.ShouldBe("POST");
        requests[0].Body.ShouldBe("""{"dag_run_id": "recorded"}""");
        requests[1].PathAndQuery.ShouldBe("/api/v2/dags/a%2Fb?limit=5");
        requests[1].Path.ShouldBe("/api/v2/dags/a%2Fb");
        requests[1].ReceivedAt.ShouldBe(h.Clock.GetUtcNow());
    }

    [Fact]
    public async Task Faults_ConcurrentRequests_UseUpExactlyTheCountedFaults()
    {
        await using var h = EmulatorHarness.Create();
        h.Emulator.Faults.RespondWithStatus(HttpMethod.Get, "/api/v2/version", 503, count: 5);

        var answers = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => h.GetAsync("api/v2/version", h.Unchecked)));

        answers.Count(a => a.Status == HttpStatusCode.ServiceUnavailable).ShouldBe(5);
        answers.Count(a => a.Status == HttpStatusCode.OK).ShouldBe(15);
    }
}
