using System.Net;
using System.Net.Http.Headers;
using Airgate.Airflow.Aws;
using Airgate.AirflowEmulator;
using Airgate.Testing;
using Airgate.Tests.Infrastructure;
using Airgate.Tests.Runs;
using Amazon.Runtime;
using Microsoft.Extensions.DependencyInjection;

namespace Airgate.Tests.AirflowMwaa;

/// <summary>
/// The gateway with <c>Transport=Mwaa</c> over the emulated Amazon MWAA (SigV4 checked, only <c>POST /restapi/{Name}</c>
/// served): a run triggered, followed, stopped and rerun as over HTTP; MWAA's own refusals are named problems, never 500s.
/// </summary>
public sealed class GatewayOverMwaaTests
{
    private const string TriggerPath = "/api/v2/dags/bactopia_species_screen/dagRuns";

    private static readonly EmulatedMwaa Mwaa = new();

    // The gateway signs with the shared clock and the emulated MWAA checks against it: it starts at the real time.
    // realClock: readiness waits on the real clock (its probe's answer-within delay).
    private static Gateway Start(ManualTimeProvider? clock = null, string secret = "", EmulatedApi api = EmulatedApi.V2, bool realClock = false) => Gateway.Start(options =>
    {
        options.Clock = realClock ? null : clock ?? new ManualTimeProvider(DateTimeOffset.UtcNow);
        options.Emulator = new EmulatorOptions { FixturesPath = Path.Combine(RepositoryPaths.Root, "examples", "emulator", "dags"), Api = api, Mwaa = Mwaa };
        options.Settings["Airgate:Airflow:Transport"] = "Mwaa";
        options.Settings["Airgate:Airflow:Mwaa:Environment"] = Mwaa.Environment;
        options.Settings["Airgate:Airflow:Mwaa:Region"] = Mwaa.Region;
        options.Settings["Airgate:Airflow:Mwaa:Endpoint"] = "https://vpce-0abc.airflow.us-east-1.vpce.test";
        options.Settings["Airgate:Airflow:BaseUrl"] = null;
        options.Settings["Airgate:Airflow:Username"] = null;
        options.Settings["Airgate:Airflow:Password"] = null;
        options.Settings["Airgate:Airflow:ApiVersion"] = "auto";
        options.Settings["Airgate:Airflow:MaxRetries"] = "0";
        options.Settings["Airgate:Logs:FollowInterval"] = "00:00:01";
        options.ConfigureServices = services => services.AddSingleton(new AwsCredentialChain(
            new BasicAWSCredentials(Mwaa.AccessKeyId, secret.Length > 0 ? secret : Mwaa.SecretAccessKey)));
    });

    [Theory]
    [InlineData(EmulatedApi.V2)]
    [InlineData(EmulatedApi.V1)]
    public async Task A_run_is_triggered_followed_logged_stopped_and_rerun_over_mwaa(EmulatedApi api)
    {
        var clock = new ManualTimeProvider(DateTimeOffset.UtcNow);
        await using var gateway = Start(clock, api: api);

        var run = await (await gateway.Client.TriggerAsync(RunBodies.ValidScreen())).ShouldBeJsonAsync(HttpStatusCode.Created);
        var path = RunBodies.RunPath(run);
        clock.Advance(TimeSpan.FromSeconds(40));
        var detail = await (await gateway.Client.GetAsync(path)).ShouldBeJsonAsync();
        var tasks = await (await gateway.Client.GetAsync(path + "/tasks")).ShouldBeJsonAsync();
        using var textRequest = new HttpRequestMessage(HttpMethod.Get, path + "/tasks/prepare_samples/logs");
        textRequest.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/plain"));
        using var text = await gateway.Client.SendAsync(textRequest);
        var lines = (await text.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        using var follow = await gateway.Client.GetAsync(path + "/tasks/prepare_samples/logs?follow=true").WaitAsync(TimeSpan.FromSeconds(30));
        var followed = await follow.Content.ReadAsStringAsync().WaitAsync(TimeSpan.FromSeconds(30));
        using var events = await gateway.Client.GetAsync(path + "/events", HttpCompletionOption.ResponseHeadersRead).WaitAsync(TimeSpan.FromSeconds(30));
        using var eventReader = new StreamReader(await events.Content.ReadAsStreamAsync());
        var firstEvent = await eventReader.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(30));
        while (firstEvent is not null && !firstEvent.StartsWith("event:", StringComparison.Ordinal))
        {
            firstEvent = await eventReader.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(30));
        }

        var stopped = await (await gateway.Client.PatchJsonAsync(path, """{"state": "failed", "note": "wrong input"}""")).ShouldBeJsonAsync();
        var rerun = await (await gateway.Client.PostAsync(path + "/rerun", null)).ShouldBeJsonAsync(HttpStatusCode.Created);

        detail.GetProperty("dag_run_id").GetString().ShouldBe(run.GetProperty("dag_run_id").GetString());
        tasks.GetProperty("task_instances").GetArrayLength().ShouldBeGreaterThan(0);
        text.StatusCode.ShouldBe(HttpStatusCode.OK);
        text.Content.Headers.ContentType!.MediaType.ShouldBe("text/plain");
        lines.Length.ShouldBeGreaterThan(2, "the text is built from MWAA's JSON chunks");
        lines[0].ShouldContain("Executing task prepare_samples");
        followed.ShouldContain("event: log");
        followed.ShouldContain("event: end");
        firstEvent.ShouldBe("event: snapshot");
        stopped.GetProperty("state").GetString().ShouldBe("failed");
        rerun.GetProperty("run").GetProperty("rerun_of").GetString().ShouldBe(run.GetProperty("dag_run_id").GetString());
        gateway.Emulator.Requests.ShouldNotBeEmpty();
        gateway.Emulator.Requests.ShouldNotContain(r => r.Path == "/auth/token", "MWAA has no login: every call was a signed envelope");
    }

    [Fact]
    public async Task A_lost_trigger_answer_then_a_retry_with_the_key_makes_one_run_over_mwaa()
    {
        await using var gateway = Start();
        gateway.Emulator.Faults.LoseAnswer(HttpMethod.Post, TriggerPath);

        var lost = await gateway.Client.TriggerAsync(RunBodies.ValidScreen(), "retry-me");
        var problem = await lost.ShouldBeProblemAsync(lost.StatusCode);
        var retried = await (await gateway.Client.TriggerAsync(RunBodies.ValidScreen(), "retry-me")).ShouldBeJsonAsync(HttpStatusCode.OK);

        problem.GetProperty("run_may_exist").GetBoolean().ShouldBeTrue();
        retried.GetProperty("dag_run_id").GetString().ShouldBe(problem.GetProperty("dag_run_id").GetString());
        gateway.Emulator.TriggerPosts().ShouldBe(1);
    }

    [Fact]
    public async Task Airflows_404_stays_a_404_problem_over_mwaa()
    {
        await using var gateway = Start();

        var problem = await (await gateway.Client.GetAsync("/api/v1/workflows/bactopia_species_screen/runs/no_such_run")).ShouldBeProblemAsync(HttpStatusCode.NotFound);

        problem.GetProperty("type").GetString().ShouldEndWith("/not-found");
    }

    [Fact]
    public async Task Access_denied_from_outside_the_vpc_is_a_named_502_and_readiness_says_so()
    {
        await using var gateway = Start(realClock: true);
        gateway.Emulator.Faults.RespondWithAwsError(null, "/api/v2/", "AccessDeniedException", 403, "Private webserver environments can only call InvokeRestApi within a VPC", count: 100);

        var problem = await (await gateway.Client.GetAsync("/api/v1/workflows")).ShouldBeProblemAsync(HttpStatusCode.BadGateway);
        using var ready = await gateway.Client.GetAsync("/health/ready");
        var readiness = System.Text.Json.JsonDocument.Parse(await ready.Content.ReadAsStringAsync()).RootElement
            .GetProperty("checks").GetProperty("airflow").GetProperty("detail").GetString()!;

        problem.GetProperty("type").GetString().ShouldEndWith("/mwaa-refused");
        problem.GetProperty("title").GetString()!.ShouldContain("AccessDeniedException");
        problem.GetProperty("detail").GetString()!.ShouldContain("within a VPC");
        ready.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        readiness.ShouldContain("AccessDeniedException");
        readiness.ShouldContain("transport Mwaa, environment 'airgate-dev'");
    }

    [Fact]
    public async Task A_wrong_secret_is_a_named_502_never_a_500()
    {
        await using var gateway = Start(secret: "not-the-secret");

        var problem = await (await gateway.Client.GetAsync("/api/v1/workflows")).ShouldBeProblemAsync(HttpStatusCode.BadGateway);

        problem.GetProperty("title").GetString()!.ShouldContain("InvalidSignatureException");
        gateway.Emulator.Requests.ShouldBeEmpty();
    }

    [Fact]
    public async Task Throttling_is_a_503_with_retry_after()
    {
        await using var gateway = Start();
        gateway.Emulator.Faults.RespondWithAwsError(HttpMethod.Get, "/api/v2/dags", "ThrottlingException", 429, "Rate exceeded", count: 100, retryAfter: TimeSpan.FromSeconds(7));

        using var response = await gateway.Client.GetAsync("/api/v1/workflows");
        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.ServiceUnavailable);

        problem.GetProperty("title").GetString()!.ShouldContain("ThrottlingException");
        response.Headers.RetryAfter!.Delta.ShouldBe(TimeSpan.FromSeconds(7));
    }

    [Fact]
    public async Task Readiness_over_mwaa_names_the_transport_and_environment()
    {
        await using var gateway = Start(realClock: true);
        // The first probe (API detection, AWS SDK warm-up) may take longer than readiness waits: let it finish first.
        await gateway.Services.GetRequiredService<Airgate.Health.AirflowProbe>().ProbeNowAsync();

        var ready = await (await gateway.Client.GetAsync("/health/ready")).ShouldBeJsonAsync();

        ready.GetProperty("checks").GetProperty("airflow").GetProperty("detail").GetString()!.ShouldContain("(transport Mwaa, environment 'airgate-dev')");
    }
}
