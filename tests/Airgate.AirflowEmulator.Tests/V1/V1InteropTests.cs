using System.Text.Json.Nodes;
using Airgate.Airflow;
using Airgate.Airflow.Models;
using Airgate.Testing;
using Airgate.Testing.OpenApi;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Airgate.AirflowEmulator.Tests.V1;

/// <summary>
/// Airgate's Airflow client left on <c>auto</c> against the emulator speaking Airflow 2's <c>/api/v1</c>: it detects
/// v1 and every exchange (what the client asks and what the emulator answers) conforms to Airflow 2.10.0's spec.
/// </summary>
public sealed class V1InteropTests
{
    [Fact]
    public async Task Client_FullRunLifecycleOverV1_DetectsV1AndEveryExchangeConforms()
    {
        var clock = new ManualTimeProvider();
        await using var emulator = new AirflowEmulator(new EmulatorOptions { FixturesPath = Support.EmulatorHarness.FixturesPath, TaskDuration = TimeSpan.FromSeconds(10), Api = EmulatedApi.V1 }, clock);
        var recorder = new RecordingHandler(emulator.CreateHandler());
        using var services = Build(recorder);
        var client = services.GetRequiredService<IAirflowClient>();

        var version = await client.GetVersionAsync();
        var dags = await client.ListAllDagsAsync(new DagQuery { Limit = 2 });
        var dag = await client.GetDagAsync("nightly_cleanup");
        var details = await client.GetDagDetailsAsync("reference_download");
        var tasks = await client.ListTasksAsync("bactopia_amr_analysis");
        var task = await client.GetTaskAsync("bactopia_amr_analysis", "run_amrfinderplus");
        var since = clock.GetUtcNow();
        var trigger = await client.TriggerDagRunAsync("bactopia_amr_analysis", new TriggerDagRunRequest { DagRunId = "interop:1+a", Conf = new JsonObject { ["batch"] = 1 }, Note = "v1" });
        clock.Advance(TimeSpan.FromSeconds(40));
        var instances = await client.ListAllTaskInstancesAsync("bactopia_amr_analysis", "interop:1+a");
        var mapped = await client.ListAllTaskInstancesAsync("bactopia_amr_analysis", "interop:1+a", "run_amrfinderplus");
        var patched = await client.PatchDagRunAsync("bactopia_amr_analysis", "interop:1+a", new DagRunPatch { State = "failed", Note = "stopped" }, null);
        var changed = await client.ListDagRunsAsync("~", new DagRunQuery { States = ["failed"], OrderBy = "id", UpdatedAtGte = since });
        var newest = await client.ListDagRunsAsync("bactopia_amr_analysis", new DagRunQuery { OrderBy = "-run_after" });
        var health = await client.GetHealthAsync();

        version.Value.ShouldNotBeNull().Version.ShouldBe("2.10.0");
        dags.Value.ShouldNotBeNull().Select(d => d.DagId).ShouldBe(["bactopia_amr_analysis", "bactopia_species_screen", "nightly_cleanup", "reference_download"]);
        dag.Value.ShouldNotBeNull().IsStale.ShouldBeFalse();
        details.Value.ShouldNotBeNull().Params.Keys.ShouldBe(["accession", "include_plasmids", "max_retries", "mirror"], ignoreOrder: true);
        tasks.Value.ShouldNotBeNull().ShouldNotBeEmpty();
        task.Value.ShouldNotBeNull().IsMapped.ShouldBe(true);
        var run = trigger.Value.ShouldNotBeNull(trigger.Failure?.Detail);
        run.State.ShouldBe("queued");
        run.LogicalDate.ShouldBe(since, "Airflow 2 gives a run triggered without a logical date the time of the request");
        run.RunAfter.ShouldBe(since);
        run.TriggeringUserName.ShouldBeNull("Airflow 2 does not say who triggered a run");
        instances.Value.ShouldNotBeNull().Count.ShouldBe(6);
        instances.Value.Select(t => t.Id).Distinct().Count().ShouldBe(6);
        mapped.Value.ShouldNotBeNull().Select(t => t.MapIndex).ShouldBe([0, 1, 2], ignoreOrder: true);
        var stopped = patched.Value.ShouldNotBeNull(patched.Failure?.Detail);
        stopped.State.ShouldBe("failed");
        stopped.Note.ShouldBe("stopped");
        changed.Value.ShouldNotBeNull().Items.ShouldHaveSingleItem().DagRunId.ShouldBe("interop:1+a");
        newest.Value.ShouldNotBeNull().Items.ShouldHaveSingleItem();
        health.Value.ShouldNotBeNull().Metadatabase.ShouldNotBeNull().Status.ShouldBe("healthy");

        recorder.Requests.ShouldNotContain(r => r.Path == "/auth/token");
        recorder.Requests[0].Path.ShouldBe("/api/v2/version");
        recorder.Exchanges[0].Status.ShouldBe(404);
        V1Spec.Problems(recorder.Exchanges).ShouldBeEmpty();
    }

    [Fact]
    public async Task Client_LostTriggerAnswerOverV1_SameRunIdConvergesOnOneRun()
    {
        await using var emulator = new AirflowEmulator(new EmulatorOptions { FixturesPath = Support.EmulatorHarness.FixturesPath, Api = EmulatedApi.V1 }, new ManualTimeProvider());
        var recorder = new RecordingHandler(emulator.CreateHandler());
        using var services = Build(recorder, "v1");
        var client = services.GetRequiredService<IAirflowClient>();
        emulator.Faults.LoseAnswer(HttpMethod.Post, "/api/v1/dags/bactopia_species_screen/dagRuns");
        var request = new TriggerDagRunRequest { DagRunId = "airgate__20260115T090000_0123456789ab", Conf = [] };

        var lost = await client.TriggerDagRunAsync("bactopia_species_screen", request);
        var retried = await client.TriggerDagRunAsync("bactopia_species_screen", request);
        var found = await client.GetDagRunAsync("bactopia_species_screen", request.DagRunId);

        lost.Failure.ShouldNotBeNull().Error.ShouldBe(AirflowError.Unreachable);
        retried.Failure.ShouldNotBeNull().Error.ShouldBe(AirflowError.Conflict, "Airflow 2 refuses a second run with the run id, so a retry never doubles it");
        found.Value.ShouldNotBeNull().DagRunId.ShouldBe(request.DagRunId);
        emulator.Requests.Count(r => r.Method == "POST").ShouldBe(2);
        (await client.ListDagRunsAsync("bactopia_species_screen", new DagRunQuery())).Value.ShouldNotBeNull().TotalEntries.ShouldBe(1);
    }

    [Fact]
    public async Task Client_LogsAndClearOverV1_LinesFromOneStringAndClearedInstancesWithTheirStateBefore()
    {
        var clock = new ManualTimeProvider();
        await using var emulator = new AirflowEmulator(new EmulatorOptions { FixturesPath = Support.EmulatorHarness.FixturesPath, TaskDuration = TimeSpan.FromSeconds(10), Api = EmulatedApi.V1 }, clock);
        var recorder = new RecordingHandler(emulator.CreateHandler());
        using var services = Build(recorder, "v1");
        var client = services.GetRequiredService<IAirflowClient>();
        emulator.Faults.FailTask("bactopia_amr_analysis", "run_fastqc");
        await client.TriggerDagRunAsync("bactopia_amr_analysis", new TriggerDagRunRequest { DagRunId = "logs:1", Conf = [] });
        clock.Advance(TimeSpan.FromMinutes(2));
        var query = new TaskLogQuery { DagId = "bactopia_amr_analysis", DagRunId = "logs:1", TaskId = "run_fastqc", TryNumber = 1 };

        var log = await client.GetTaskLogAsync(query);
        var opened = await client.OpenTaskLogAsync(query);
        await using var reader = opened.Value.ShouldNotBeNull(opened.Failure?.Detail);
        var streamed = new List<string>();
        await foreach (var entry in reader.ReadEntriesAsync())
        {
            streamed.Add(entry.GetString()!);
        }

        var missing = await client.GetTaskLogAsync(query with { TryNumber = 7 });
        var dry = await client.ClearTaskInstancesAsync("bactopia_amr_analysis", new ClearTaskInstancesRequest { DagRunId = "logs:1" });
        var cleared = await client.ClearTaskInstancesAsync("bactopia_amr_analysis", new ClearTaskInstancesRequest { DagRunId = "logs:1", DryRun = false });
        var requeued = await client.GetDagRunAsync("bactopia_amr_analysis", "logs:1");

        var lines = log.Value.ShouldNotBeNull(log.Failure?.Detail).Content.Select(e => e.GetString()!).ToList();
        lines.Count.ShouldBeGreaterThan(1, "Airflow 2's one string is split into its lines");
        lines[^1].ShouldContain("failed");
        streamed.ShouldBe(lines, "the text/plain stream and the JSON chunk are the same log");
        missing.Failure.ShouldNotBeNull().Error.ShouldBe(AirflowError.NotFound);
        dry.Value.ShouldNotBeNull(dry.Failure?.Detail).Select(t => $"{t.TaskId}:{t.MapIndex}:{t.State}").ShouldBe(
            ["run_fastqc:-1:failed", "collect_results:-1:upstream_failed", "run_amrfinderplus:0:upstream_failed", "run_amrfinderplus:1:upstream_failed", "run_amrfinderplus:2:upstream_failed"],
            ignoreOrder: true);
        cleared.Value.ShouldNotBeNull().Count.ShouldBe(5);
        requeued.Value.ShouldNotBeNull().State.ShouldBe("queued");
        recorder.Requests.ShouldContain(r => r.Method == HttpMethod.Post && r.Path == "/api/v1/dags/bactopia_amr_analysis/clearTaskInstances");
        V1Spec.Problems(recorder.Exchanges).ShouldBeEmpty();
    }

    private static ServiceProvider Build(HttpMessageHandler airflow, string apiVersion = "auto")
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Airgate:Airflow:BaseUrl"] = "http://airflow.test",
            ["Airgate:Airflow:Username"] = "admin",
            ["Airgate:Airflow:Password"] = "admin",
            ["Airgate:Airflow:RetryDelay"] = "00:00:00.001",
            ["Airgate:Airflow:MaxRetries"] = "0",
            ["Airgate:Airflow:ApiVersion"] = apiVersion,
        }).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging();
        services.AddAirflowClient().ConfigurePrimaryHttpMessageHandler(() => airflow);
        return services.BuildServiceProvider();
    }
}
