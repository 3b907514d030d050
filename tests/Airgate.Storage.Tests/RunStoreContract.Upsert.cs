using Airgate.Core.Runs;
using Airgate.Storage.Tests.Infrastructure;

namespace Airgate.Storage.Tests;

public abstract partial class RunStoreContract
{
    [StoreFact]
    public async Task UpsertObserved_UnknownRun_InsertsAnExternalRunOwnedByTheTriggeringUser()
    {
        var observed = Observed("scheduled__2026-01-15T09:00:00+00:00", state: "success", user: "carol") with
        {
            Conf = """{"x": 1}""",
            Note = "from the Airflow UI",
        };

        await Store.UpsertObservedAsync([observed]);

        var run = await Store.GetAsync("bactopia", observed.DagRunId);
        run.ShouldNotBeNull();
        run.Source.ShouldBe(RunSource.External);
        run.RecordState.ShouldBe(RunRecordState.Confirmed);
        run.TriggeredBy.ShouldBe(new RunOwner(null, "carol"));
        run.Conf.ShouldBe("""{"x": 1}""");
        run.Pipelines.ShouldBeNull();
        run.State.ShouldBe("success");
        run.EndDate.ShouldBe(observed.EndDate);
        run.AirflowNote.ShouldBe("from the Airflow UI");
        run.LastSyncedAt.ShouldBe(T0);
    }

    [StoreFact]
    public async Task UpsertObserved_WithoutTriggeringUser_LeavesTheOwnerEmpty()
    {
        await Store.UpsertObservedAsync([Observed("run-1")]);

        (await Store.GetAsync("bactopia", "run-1")).ShouldNotBeNull().TriggeredBy.ShouldBeNull();
    }

    [StoreFact]
    public async Task UpsertObserved_AirgateRecord_UpdatesAirflowFieldsButNeverOwnerParametersOrConf()
    {
        var mine = await SeedConfirmedAsync(NewRun("run-1", key: "k"), state: "running");
        Clock.Advance(TimeSpan.FromMinutes(1));
        var observed = Observed("run-1", state: "success", user: "airgate-service-account", updatedAt: T0.AddMinutes(1)) with
        {
            Conf = """{"tampered": true}""",
            Note = "edited in Airflow",
        };

        await Store.UpsertObservedAsync([observed]);

        var run = await Store.GetByIdAsync(mine.Id);
        run.ShouldNotBeNull();
        run.State.ShouldBe("success");
        run.AirflowNote.ShouldBe("edited in Airflow");
        run.Source.ShouldBe(RunSource.Airgate);
        run.TriggeredBy.ShouldBe(new RunOwner("alice", "Alice"));
        run.Pipelines.ShouldBe(mine.Pipelines);
        run.Conf.ShouldBe(mine.Conf);
        run.Note.ShouldBe("first try");
        run.IdempotencyKey.ShouldBe("k");
        run.RequestFingerprint.ShouldBe(mine.RequestFingerprint);
        run.CreatedAt.ShouldBe(mine.CreatedAt);
        run.LastSyncedAt.ShouldBe(T0.AddMinutes(1));
        (await ListAllAsync(new RunQuery { OwnerNamePattern = "airgate%" })).ShouldBeEmpty();
    }

    [StoreFact]
    public async Task UpsertObserved_PendingAirgateRecordSeenInAirflow_IsConfirmed()
    {
        var pending = await Store.CreatePendingAsync(NewRun("run-1"));

        await Store.UpsertObservedAsync([Observed("run-1", state: "queued")]);

        var run = await Store.GetByIdAsync(pending.Record.Id);
        run.ShouldNotBeNull();
        run.RecordState.ShouldBe(RunRecordState.Confirmed);
        run.State.ShouldBe("queued");
        run.Source.ShouldBe(RunSource.Airgate);
    }

    [StoreFact]
    public async Task UpsertObserved_OlderObservationThanStored_ChangesNothing()
    {
        await Store.UpsertObservedAsync([Observed("run-1", state: "success", updatedAt: T0.AddMinutes(10))]);

        await Store.UpsertObservedAsync([Observed("run-1", state: "running", updatedAt: T0.AddMinutes(5))]);

        (await Store.GetAsync("bactopia", "run-1")).ShouldNotBeNull().State.ShouldBe("success");
    }

    [StoreFact]
    public async Task UpsertObserved_ExternalRunSeenAgain_UpdatesItsFieldsAndOwner()
    {
        await Store.UpsertObservedAsync([Observed("run-1", state: "running", user: null, updatedAt: T0.AddMinutes(1))]);

        await Store.UpsertObservedAsync([Observed("run-1", state: "failed", user: "dave", updatedAt: T0.AddMinutes(2))]);

        var run = await Store.GetAsync("bactopia", "run-1");
        run.ShouldNotBeNull();
        run.State.ShouldBe("failed");
        run.TriggeredBy.ShouldBe(new RunOwner(null, "dave"));
        (await CountRowsAsync(Dialect, "runs")).ShouldBe(1);
    }

    [StoreFact]
    public async Task UpsertObserved_SameRunTwiceInOneBatch_KeepsTheNewestObservation()
    {
        await Store.UpsertObservedAsync(
        [
            Observed("run-1", state: "success", updatedAt: T0.AddMinutes(9)),
            Observed("run-1", state: "running", updatedAt: T0.AddMinutes(3)),
        ]);

        (await Store.GetAsync("bactopia", "run-1")).ShouldNotBeNull().State.ShouldBe("success");
    }

    [StoreFact]
    public async Task UpsertObserved_ThousandsOfRunsInOneCall_StoresEveryRun()
    {
        var runs = Enumerable.Range(0, 3_000).Select(i => Observed($"run-{i:D5}", runAfter: T0.AddSeconds(i))).ToList();

        await Store.UpsertObservedAsync(runs);
        await Store.UpsertObservedAsync(runs);

        (await CountRowsAsync(Dialect, "runs")).ShouldBe(3_000);
        (await Store.GetAsync("bactopia", "run-02999")).ShouldNotBeNull().RunAfter.ShouldBe(T0.AddSeconds(2999));
    }

    [StoreFact]
    public async Task UpsertObserved_OverlappingBatchesConcurrently_AllSucceedWithTheNewestState()
    {
        var batches = Enumerable.Range(0, 6).Select(b =>
        {
            var runs = Enumerable.Range(0, 1_200).Select(i => Observed($"run-{i:D4}", state: $"state-{b}", updatedAt: T0.AddMinutes(b))).ToList();
            return b % 2 == 0 ? runs : Enumerable.Reverse(runs).ToList();
        }).ToList();

        await Task.WhenAll(batches.Select(batch => Task.Run(() => Store.UpsertObservedAsync(batch))));

        (await CountRowsAsync(Dialect, "runs")).ShouldBe(1_200);
        (await Store.ListAsync(new RunQuery { States = ["state-5"] })).TotalEntries.ShouldBe(1_200);
    }

    [StoreFact]
    public async Task UpsertObserved_InvalidConf_ThrowsAndStoresNothing()
    {
        var runs = new[] { Observed("run-1"), Observed("run-2") with { Conf = "{" } };

        await Should.ThrowAsync<ArgumentException>(() => Store.UpsertObservedAsync(runs));

        (await CountRowsAsync(Dialect, "runs")).ShouldBe(0);
    }

    [StoreFact]
    public async Task SyncWatermark_NeverSet_IsNull()
    {
        (await Store.GetSyncWatermarkAsync("dag-runs")).ShouldBeNull();
    }

    [StoreFact]
    public async Task SyncWatermark_SetTwice_ReturnsTheLastValuePerKey()
    {
        await Store.SetSyncWatermarkAsync("dag-runs", T0);
        await Store.SetSyncWatermarkAsync("dag-runs", T0.AddHours(1).ToOffset(TimeSpan.FromHours(2)));
        await Store.SetSyncWatermarkAsync("other", T0.AddDays(1));

        (await Store.GetSyncWatermarkAsync("dag-runs")).ShouldBe(T0.AddHours(1));
        (await Store.GetSyncWatermarkAsync("other")).ShouldBe(T0.AddDays(1));
    }
}
