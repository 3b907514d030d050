using System.Net;
using Airgate.Core.Runs;
using Airgate.Runs;
using Airgate.Runs.Mirror;
using Airgate.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Airgate.Tests.Runs;

public sealed class RunReconcilerTests
{
    [Fact]
    public async Task Reconciler_ShortInterval_SettlesALostAnswerInTheBackground()
    {
        await using var gateway = Gateway.Start(options =>
        {
            options.Settings["Airgate:Runs:ReconcileInterval"] = "00:00:00.100";
            options.Settings["Airgate:Runs:PendingMinAge"] = "00:00:00";
        });
        gateway.Emulator.Faults.LoseAnswer(HttpMethod.Post, "/api/v2/dags/bactopia_species_screen/dagRuns");
        var problem = await (await gateway.Client.TriggerAsync(RunBodies.ValidScreen())).ShouldBeProblemAsync(HttpStatusCode.BadGateway);
        var runId = problem.GetProperty("dag_run_id").GetString()!;
        var store = gateway.Services.GetRequiredService<IRunStore>();

        // Waits for an outcome, not a duration: the bound only stops a broken reconciler from hanging the run.
        var state = RunRecordState.Pending;
        for (var i = 0; i < 300 && state == RunRecordState.Pending; i++)
        {
            await Task.Delay(50);
            state = (await store.GetAsync(RunBodies.Screen, runId))!.RecordState;
        }

        state.ShouldBe(RunRecordState.Confirmed);
        gateway.Emulator.TriggerPosts().ShouldBe(1);
    }

    [Theory]
    [InlineData("ReconcileInterval")]
    [InlineData("PendingMinAge")]
    [InlineData("PendingGracePeriod")]
    [InlineData("SyncOverlap")]
    [InlineData("SyncTimeout")]
    [InlineData("SyncInterval")]
    [InlineData("BackfillPageDelay")]
    [InlineData("RetainFor")]
    public void RunsOptionsValidator_BadValue_FailsNamingTheKey(string key)
    {
        var options = key switch
        {
            "ReconcileInterval" => new RunsOptions { ReconcileInterval = TimeSpan.Zero },
            "PendingMinAge" => new RunsOptions { PendingMinAge = TimeSpan.FromSeconds(-1), PendingGracePeriod = TimeSpan.FromMinutes(1) },
            "PendingGracePeriod" => new RunsOptions { PendingGracePeriod = TimeSpan.FromSeconds(1) },
            "SyncTimeout" => new RunsOptions { SyncTimeout = TimeSpan.FromMinutes(6) },
            "SyncInterval" => new RunsOptions { SyncInterval = TimeSpan.Zero },
            "BackfillPageDelay" => new RunsOptions { BackfillPageDelay = TimeSpan.FromSeconds(-1) },
            "RetainFor" => new RunsOptions { RetainFor = TimeSpan.FromMinutes(5) },
            _ => new RunsOptions { SyncOverlap = TimeSpan.FromSeconds(-1) },
        };

        var result = new RunsOptionsValidator().Validate(null, options);

        result.Failed.ShouldBeTrue();
        result.FailureMessage.ShouldContain("Airgate:Runs:" + key);
    }

    [Fact]
    public void RunsOptionsValidator_Defaults_Pass() =>
        new RunsOptionsValidator().Validate(null, new RunsOptions()).Succeeded.ShouldBeTrue();
}
