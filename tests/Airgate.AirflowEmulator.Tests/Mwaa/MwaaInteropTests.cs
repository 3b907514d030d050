using System.Net;
using System.Text;
using System.Text.Json;
using Airgate.Airflow;
using Airgate.Airflow.Aws;
using Airgate.Airflow.Models;
using Airgate.Testing;
using Amazon.Runtime;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Airgate.AirflowEmulator.Tests.Mwaa;

/// <summary>
/// Airgate's Airflow client on the MWAA transport against the emulated MWAA (SigV4 checked by the emulator's own
/// implementation of AWS's algorithm): every operation, on Airflow 3 and Airflow 2, answers exactly as over HTTP; the
/// emulator refuses what MWAA refuses.
/// </summary>
public sealed class MwaaInteropTests
{
    private static readonly EmulatedMwaa Mwaa = new();

    /// <summary>A run's whole life through every client operation; the answers, as text, to compare transports.</summary>
    private static async Task<List<string>> LifecycleAsync(IAirflowClient client, ManualTimeProvider clock, AirflowEmulator emulator)
    {
        var seen = new List<string>();
        void Note(string name, object? value) => seen.Add($"{name}: {JsonSerializer.Serialize(value)}");

        emulator.Faults.FailTask("bactopia_amr_analysis", "run_fastqc");
        Note("version", (await client.GetVersionAsync()).Value?.Version);
        Note("health", (await client.GetHealthAsync()).Value?.Metadatabase?.Status);
        Note("dags", (await client.ListAllDagsAsync(new DagQuery { Limit = 2 })).Value?.Select(d => d.DagId));
        Note("dag", (await client.GetDagAsync("nightly_cleanup")).Value?.DagId);
        Note("details", (await client.GetDagDetailsAsync("reference_download")).Value?.Params.Keys.Order());
        Note("tasks", (await client.ListTasksAsync("bactopia_amr_analysis")).Value?.Select(t => t.TaskId));
        Note("task", (await client.GetTaskAsync("bactopia_amr_analysis", "run_amrfinderplus")).Value?.IsMapped);
        var trigger = await client.TriggerDagRunAsync("bactopia_amr_analysis", new TriggerDagRunRequest { DagRunId = "mwaa:1+a", Conf = new() { ["batch"] = 1 }, Note = "n" });
        Note("trigger", trigger.IsSuccess ? trigger.Value.State : trigger.Failure.Detail);
        Note("duplicate", (await client.TriggerDagRunAsync("bactopia_amr_analysis", new TriggerDagRunRequest { DagRunId = "mwaa:1+a", Conf = [] })).Failure?.Error);
        clock.Advance(TimeSpan.FromMinutes(2));
        Note("runs", (await client.ListDagRunsAsync("bactopia_amr_analysis", new DagRunQuery { States = ["failed", "success"], OrderBy = "-run_after" })).Value?.Items.Select(r => r.DagRunId));
        Note("run", (await client.GetDagRunAsync("bactopia_amr_analysis", "mwaa:1+a")).Value?.State);
        Note("missing run", (await client.GetDagRunAsync("bactopia_amr_analysis", "nope")).Failure?.Error);
        Note("instances", (await client.ListAllTaskInstancesAsync("bactopia_amr_analysis", "mwaa:1+a")).Value?.Select(t => $"{t.TaskId}:{t.MapIndex}:{t.State}").Order());
        var query = new TaskLogQuery { DagId = "bactopia_amr_analysis", DagRunId = "mwaa:1+a", TaskId = "run_fastqc", TryNumber = 1 };
        var chunk = await client.GetTaskLogAsync(query);
        Note("log", chunk.Value?.Content.Select(e => e.ToString()));
        var opened = await client.OpenTaskLogAsync(query);
        await using (var reader = opened.Value.ShouldNotBeNull(opened.Failure?.Detail))
        {
            var lines = new List<string>();
            await foreach (var entry in reader.ReadEntriesAsync())
            {
                lines.Add(entry.ToString());
            }

            Note("streamed log", lines);
            Note("streamed is text", reader.IsPlainText);
        }

        Note("missing log", (await client.GetTaskLogAsync(query with { TryNumber = 7 })).Failure?.Error);
        Note("clear", (await client.ClearTaskInstancesAsync("bactopia_amr_analysis", new ClearTaskInstancesRequest { DagRunId = "mwaa:1+a", DryRun = false })).Value?.Select(t => $"{t.TaskId}:{t.MapIndex}:{t.State}").Order());
        var stopped = await client.PatchDagRunAsync("bactopia_amr_analysis", "mwaa:1+a", new DagRunPatch { State = "failed", Note = "stopped" }, ["state", "note"]);
        Note("stop", stopped.IsSuccess ? $"{stopped.Value.State} {stopped.Value.Note}" : stopped.Failure.Detail);
        return seen;
    }

    private static ServiceProvider Build(HttpMessageHandler airflow, bool overMwaa, string apiVersion, AWSCredentials? credentials = null, Dictionary<string, string?>? extra = null)
    {
        var settings = overMwaa
            ? new Dictionary<string, string?>
            {
                ["Airgate:Airflow:Transport"] = "Mwaa",
                ["Airgate:Airflow:Mwaa:Environment"] = Mwaa.Environment,
                ["Airgate:Airflow:Mwaa:Region"] = Mwaa.Region,
                ["Airgate:Airflow:Mwaa:Endpoint"] = "https://vpce-0123.airflow.us-east-1.vpce.test",
            }
            : new Dictionary<string, string?>
            {
                ["Airgate:Airflow:BaseUrl"] = "http://airflow.test",
                ["Airgate:Airflow:Username"] = "admin",
                ["Airgate:Airflow:Password"] = "admin",
            };
        settings["Airgate:Airflow:RetryDelay"] = "00:00:00.001";
        settings["Airgate:Airflow:MaxRetries"] = "0";
        settings["Airgate:Airflow:ApiVersion"] = apiVersion;
        foreach (var (key, value) in extra ?? [])
        {
            settings[key] = value;
        }

        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        services.AddLogging();
        services.AddSingleton(new AwsCredentialChain(credentials ?? new BasicAWSCredentials(Mwaa.AccessKeyId, Mwaa.SecretAccessKey)));
        services.AddAirflowClient().ConfigurePrimaryHttpMessageHandler(() => airflow);
        return services.BuildServiceProvider();
    }

    /// <summary>An emulator clock that starts at the real time the client signs with.</summary>
    private static ManualTimeProvider Now() => new(DateTimeOffset.UtcNow);

    private static AirflowEmulator Emulator(EmulatedApi api, ManualTimeProvider clock, EmulatedMwaa? mwaa) =>
        new(new EmulatorOptions { FixturesPath = Support.EmulatorHarness.FixturesPath, TaskDuration = TimeSpan.FromSeconds(10), Api = api, Mwaa = mwaa }, clock);

    [Theory]
    [InlineData(EmulatedApi.V2)]
    [InlineData(EmulatedApi.V1)]
    public async Task Every_operation_over_mwaa_answers_exactly_as_over_http(EmulatedApi api)
    {
        // The client signs with the real clock; the emulators' clocks start at it (MWAA allows 5 minutes of skew).
        var start = DateTimeOffset.UtcNow;
        var httpClock = new ManualTimeProvider(start);
        await using var http = Emulator(api, httpClock, mwaa: null);
        using var overHttp = Build(http.CreateHandler(), overMwaa: false, "auto");
        var mwaaClock = new ManualTimeProvider(start);
        await using var mwaa = Emulator(api, mwaaClock, Mwaa);
        using var overMwaa = Build(mwaa.CreateHandler(), overMwaa: true, "auto");

        var expected = await LifecycleAsync(overHttp.GetRequiredService<IAirflowClient>(), httpClock, http);
        var actual = await LifecycleAsync(overMwaa.GetRequiredService<IAirflowClient>(), mwaaClock, mwaa);

        actual.ShouldBe(expected);
        actual.ShouldContain(line => line.StartsWith("trigger: \"queued\"", StringComparison.Ordinal));
        actual.ShouldContain("duplicate: " + (int)AirflowError.Conflict);
        actual.ShouldContain("missing run: " + (int)AirflowError.NotFound);
        actual.Single(line => line.StartsWith("streamed log", StringComparison.Ordinal)).Length.ShouldBeGreaterThan(40, "the streamed log is built from JSON chunks");

        // What reached the emulated Airflow came through /restapi envelopes only (it serves nothing else), as Airflow requests.
        mwaa.Requests.ShouldAllBe(r => r.Path.StartsWith(api == EmulatedApi.V1 ? "/api/v1/" : "/api/v", StringComparison.Ordinal));
        // The same Airflow calls (API detection aside: over MWAA one /version answers for either API).
        mwaa.Requests.Where(r => !r.Path.EndsWith("/version", StringComparison.Ordinal)).Select(r => $"{r.Method} {Uri.UnescapeDataString(r.Path)}")
            .ShouldBe(http.Requests.Where(r => r.Path != "/auth/token" && !r.Path.EndsWith("/version", StringComparison.Ordinal)).Select(r => $"{r.Method} {Uri.UnescapeDataString(r.Path)}"));
    }

    [Fact]
    public async Task A_lost_trigger_answer_over_mwaa_converges_on_one_run()
    {
        await using var emulator = Emulator(EmulatedApi.V2, Now(), Mwaa);
        using var services = Build(emulator.CreateHandler(), overMwaa: true, "v2");
        var client = services.GetRequiredService<IAirflowClient>();
        emulator.Faults.LoseAnswer(HttpMethod.Post, "/api/v2/dags/bactopia_species_screen/dagRuns");
        var request = new TriggerDagRunRequest { DagRunId = "airgate__20260115T090000_0123456789ab", Conf = [] };

        var lost = await client.TriggerDagRunAsync("bactopia_species_screen", request);
        var retried = await client.TriggerDagRunAsync("bactopia_species_screen", request);

        lost.Failure.ShouldNotBeNull().Error.ShouldBe(AirflowError.Unreachable);
        retried.Failure.ShouldNotBeNull().Error.ShouldBe(AirflowError.Conflict);
        (await client.ListDagRunsAsync("bactopia_species_screen", new DagRunQuery())).Value.ShouldNotBeNull().TotalEntries.ShouldBe(1);
    }

    [Theory]
    [InlineData("secret", null, null, "InvalidSignatureException")]
    [InlineData(null, "eu-west-1", null, "InvalidSignatureException")]
    [InlineData(null, null, "someone-else", "ResourceNotFoundException")]
    public async Task The_emulated_mwaa_refuses_a_wrong_secret_region_or_environment(string? secret, string? region, string? environment, string expected)
    {
        await using var emulator = Emulator(EmulatedApi.V2, Now(), Mwaa);
        var extra = new Dictionary<string, string?>();
        if (region is not null)
        {
            extra["Airgate:Airflow:Mwaa:Region"] = region;
        }

        if (environment is not null)
        {
            extra["Airgate:Airflow:Mwaa:Environment"] = environment;
        }

        using var services = Build(emulator.CreateHandler(), overMwaa: true, "v2", new BasicAWSCredentials(Mwaa.AccessKeyId, secret ?? Mwaa.SecretAccessKey), extra);

        var result = await services.GetRequiredService<IAirflowClient>().GetDagAsync("nightly_cleanup");

        result.Failure.ShouldNotBeNull().Error.ShouldBe(AirflowError.TransportRefused);
        result.Failure.AwsError.ShouldBe(expected);
        emulator.Requests.ShouldBeEmpty("nothing reached Airflow");
    }

    [Fact]
    public async Task The_emulated_mwaa_refuses_a_stale_signature()
    {
        var emulatorClock = Now();
        await using var emulator = Emulator(EmulatedApi.V2, emulatorClock, Mwaa);
        using var services = Build(emulator.CreateHandler(), overMwaa: true, "v2");
        var client = services.GetRequiredService<IAirflowClient>();
        (await client.GetDagAsync("nightly_cleanup")).IsSuccess.ShouldBeTrue("signed now, checked now");

        emulatorClock.Advance(TimeSpan.FromMinutes(6));
        var stale = await client.GetDagAsync("nightly_cleanup");

        stale.Failure.ShouldNotBeNull().AwsError.ShouldBe("InvalidSignatureException");
    }

    [Fact]
    public async Task The_emulated_mwaa_refuses_unsigned_requests_wrong_services_and_serves_no_airflow_path()
    {
        var clock = Now();
        await using var emulator = Emulator(EmulatedApi.V2, clock, Mwaa);
        using var http = new HttpClient(emulator.CreateHandler()) { BaseAddress = new Uri("https://mwaa.test") };
        var envelope = """{"Method": "GET", "Path": "/dags"}""";

        using var unsigned = await http.PostAsync("/restapi/airgate-dev", new StringContent(envelope, Encoding.UTF8, "application/json"));
        using var direct = await http.GetAsync("/api/v2/dags");
        using var wrongService = new HttpRequestMessage(HttpMethod.Post, "https://mwaa.test/restapi/airgate-dev") { Content = new StringContent(envelope, Encoding.UTF8, "application/json") };
        SigV4RequestSigner.Sign(wrongService, Encoding.UTF8.GetBytes(envelope), new ImmutableCredentials(Mwaa.AccessKeyId, Mwaa.SecretAccessKey, null), Mwaa.Region, "execute-api", clock.GetUtcNow());
        using var wrongServiceAnswer = await http.SendAsync(wrongService);
        using var signed = new HttpRequestMessage(HttpMethod.Post, "https://mwaa.test/restapi/airgate-dev") { Content = new StringContent(envelope, Encoding.UTF8, "application/json") };
        SigV4RequestSigner.Sign(signed, Encoding.UTF8.GetBytes(envelope), new ImmutableCredentials(Mwaa.AccessKeyId, Mwaa.SecretAccessKey, null), Mwaa.Region, "airflow", clock.GetUtcNow());
        using var signedAnswer = await http.SendAsync(signed);

        unsigned.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        unsigned.Headers.GetValues("x-amzn-errortype").Single().ShouldBe("MissingAuthenticationTokenException");
        direct.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        wrongServiceAnswer.Headers.GetValues("x-amzn-errortype").Single().ShouldBe("InvalidSignatureException");
        (await wrongServiceAnswer.Content.ReadAsStringAsync()).ShouldContain("correct service");
        signedAnswer.StatusCode.ShouldBe(HttpStatusCode.OK);
        var body = JsonDocument.Parse(await signedAnswer.Content.ReadAsStringAsync()).RootElement;
        body.GetProperty("RestApiStatusCode").GetInt32().ShouldBe(200);
        body.GetProperty("RestApiResponse").GetProperty("total_entries").GetInt32().ShouldBe(4);
    }

    [Fact]
    public async Task Faults_apply_through_mwaa_including_mwaas_own_errors()
    {
        await using var emulator = Emulator(EmulatedApi.V2, Now(), Mwaa);
        using var services = Build(emulator.CreateHandler(), overMwaa: true, "v2", extra: new() { ["Airgate:Airflow:MaxRetries"] = "2" });
        var client = services.GetRequiredService<IAirflowClient>();

        emulator.Faults.RespondWithAwsError(HttpMethod.Get, "/api/v2/dags/nightly_cleanup", "AccessDeniedException", 403, "Private webserver environments can only call InvokeRestApi within a VPC");
        var denied = await client.GetDagAsync("nightly_cleanup");
        emulator.Faults.RespondWithAwsError(HttpMethod.Get, "/api/v2/dags/nightly_cleanup", "ThrottlingException", 429);
        var throttledOnce = await client.GetDagAsync("nightly_cleanup");
        emulator.Faults.RespondWithStatus(HttpMethod.Get, "/api/v2/dags/nightly_cleanup", 503, count: 1);
        var airflowDownOnce = await client.GetDagAsync("nightly_cleanup");

        denied.Failure.ShouldNotBeNull().Error.ShouldBe(AirflowError.TransportRefused);
        denied.Failure.Detail.ShouldContain("within a VPC");
        throttledOnce.IsSuccess.ShouldBeTrue("a throttled read is retried");
        airflowDownOnce.IsSuccess.ShouldBeTrue("Airflow's 503 comes back as a 503 and is retried");
    }

    [Fact]
    public async Task A_path_mwaa_finds_too_long_is_a_named_refusal_not_sent_to_airflow()
    {
        await using var emulator = Emulator(EmulatedApi.V2, Now(), Mwaa with { MaxPathLength = 64 });
        using var services = Build(emulator.CreateHandler(), overMwaa: true, "v2");

        var result = await services.GetRequiredService<IAirflowClient>().GetDagRunAsync("bactopia_amr_analysis", "airgate__20260115T090000_0123456789abcdef01234567");

        result.Failure.ShouldNotBeNull().Error.ShouldBe(AirflowError.TransportRefused);
        result.Failure.AwsError.ShouldBe("ValidationException");
        result.Failure.Detail.ShouldContain("64 characters");
        emulator.Requests.ShouldBeEmpty();
    }
}
