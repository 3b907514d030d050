using System.Text.Json.Nodes;
using Airgate.Airflow;
using Airgate.Airflow.Models;
using Airgate.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Airgate.AirflowEmulator.Tests.Interop;

/// <summary>Airgate's own Airflow client, wired as production wires it, against the emulator in memory.</summary>
public sealed class AirflowClientTests
{
    [Fact]
    public async Task Client_FullRunLifecycle_ReadsEverythingTheEmulatorAnswers()
    {
        var clock = new ManualTimeProvider();
        await using var emulator = new AirflowEmulator(new EmulatorOptions { FixturesPath = Support.EmulatorHarness.FixturesPath, TaskDuration = TimeSpan.FromSeconds(10) }, clock);
        using var services = Build(emulator);
        var client = services.GetRequiredService<IAirflowClient>();

        var version = await client.GetVersionAsync();
        var dags = await client.ListAllDagsAsync(new DagQuery { Limit = 2 });
        var details = await client.GetDagDetailsAsync("reference_download");
        var trigger = await client.TriggerDagRunAsync("bactopia_amr_analysis", new TriggerDagRunRequest { DagRunId = "interop:1+a", Conf = new JsonObject { ["batch"] = 1 } });
        clock.Advance(TimeSpan.FromSeconds(40));
        var instances = await client.ListAllTaskInstancesAsync("bactopia_amr_analysis", "interop:1+a");
        var patched = await client.PatchDagRunAsync("bactopia_amr_analysis", "interop:1+a", new DagRunPatch { State = "failed" }, ["state"]);
        var runs = await client.ListDagRunsAsync("~", new DagRunQuery { States = ["failed"] });

        version.Value!.Version.ShouldBe("3.2.1");
        dags.Value!.Select(d => d.DagId).ShouldBe(["bactopia_amr_analysis", "bactopia_species_screen", "nightly_cleanup", "reference_download"]);
        details.Value!.Params.Keys.ShouldBe(["accession", "include_plasmids", "max_retries", "mirror"], ignoreOrder: true);
        trigger.Value!.State.ShouldBe("queued");
        trigger.Value.TriggeringUserName.ShouldBe("admin");
        instances.Value!.Count.ShouldBe(6);
        instances.Value.Where(t => t.TaskId == "run_amrfinderplus").Select(t => t.MapIndex).ShouldBe([0, 1, 2], ignoreOrder: true);
        patched.Value!.State.ShouldBe("failed");
        runs.Value!.Items.Single().DagRunId.ShouldBe("interop:1+a");
        emulator.Requests.Count(r => r.Path == "/auth/token").ShouldBe(1);
    }

    [Fact]
    public async Task Client_ExpiredToken_LogsInAgainOnceAndSucceeds()
    {
        await using var emulator = new AirflowEmulator(new EmulatorOptions { FixturesPath = Support.EmulatorHarness.FixturesPath }, new ManualTimeProvider());
        using var services = Build(emulator);
        var client = services.GetRequiredService<IAirflowClient>();
        (await client.GetDagAsync("nightly_cleanup")).IsSuccess.ShouldBeTrue();

        emulator.Faults.ExpireAllTokens();
        var again = await client.GetDagAsync("nightly_cleanup");

        again.IsSuccess.ShouldBeTrue();
        emulator.Requests.Count(r => r.Path == "/auth/token").ShouldBe(2);
    }

    [Fact]
    public async Task Client_LostTriggerAnswer_DoesNotTriggerTwice()
    {
        await using var emulator = new AirflowEmulator(new EmulatorOptions { FixturesPath = Support.EmulatorHarness.FixturesPath }, new ManualTimeProvider());
        using var services = Build(emulator);
        var client = services.GetRequiredService<IAirflowClient>();
        emulator.Faults.LoseAnswer(HttpMethod.Post, "/api/v2/dags/bactopia_species_screen/dagRuns");

        var result = await client.TriggerDagRunAsync("bactopia_species_screen", new TriggerDagRunRequest { DagRunId = "once", Conf = [] });

        result.IsSuccess.ShouldBeFalse();
        emulator.Requests.Count(r => r.Method == "POST" && r.Path.EndsWith("/dagRuns", StringComparison.Ordinal)).ShouldBe(1);
        (await client.GetDagRunAsync("bactopia_species_screen", "once")).IsSuccess.ShouldBeTrue();
    }

    private static ServiceProvider Build(AirflowEmulator emulator)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Airgate:Airflow:BaseUrl"] = "http://airflow.test",
            ["Airgate:Airflow:Username"] = "admin",
            ["Airgate:Airflow:Password"] = "admin",
            ["Airgate:Airflow:RetryDelay"] = "00:00:00.001",
        }).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging();
        services.AddAirflowClient().ConfigurePrimaryHttpMessageHandler(emulator.CreateHandler);
        return services.BuildServiceProvider();
    }
}
