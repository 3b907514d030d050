using Airgate.Core.Runs;
using Airgate.Storage.Tests.Infrastructure;

namespace Airgate.Storage.Tests;

public abstract partial class RunStoreContract
{
    [StoreFact]
    public async Task CreatePending_NewRun_StoresEveryFieldVerbatim()
    {
        Clock.Advance(TimeSpan.FromTicks(1234567)); // sub-microsecond ticks are dropped the same way on both databases
        var run = NewRun("manual__2026-01-15T09:00:00+00:00", key: "key-1") with
        {
            Pipelines = """{ "z": 1,  "a": {"b": [1, 2.50, "x"]} }""",
        };

        var result = await Store.CreatePendingAsync(run);

        result.Outcome.ShouldBe(CreateRunOutcome.Created);
        result.Created.ShouldBeTrue();
        var stored = await Store.GetAsync(run.DagId, run.DagRunId);
        stored.ShouldBe(result.Record);
        stored.ShouldNotBeNull();
        stored.Id.ShouldBeGreaterThan(0);
        stored.Source.ShouldBe(RunSource.Airgate);
        stored.TriggeredBy.ShouldBe(new RunOwner("alice", "Alice"));
        stored.Pipelines.ShouldBe(run.Pipelines);
        stored.Conf.ShouldBe(run.Conf);
        stored.Note.ShouldBe("first try");
        stored.IdempotencyKey.ShouldBe("key-1");
        stored.RequestFingerprint.ShouldBe("sha256:key-1");
        stored.RecordState.ShouldBe(RunRecordState.Pending);
        stored.CreatedAt.ShouldBe(T0.AddTicks(1234560));
        stored.CreatedAt.Offset.ShouldBe(TimeSpan.Zero);
        stored.UpdatedAt.ShouldBe(stored.CreatedAt);
        stored.State.ShouldBeNull();
        stored.RunAfter.ShouldBeNull();
        stored.LastSyncedAt.ShouldBeNull();
    }

    [StoreFact]
    public async Task CreatePending_SameUserSameKeyTwice_ReturnsTheFirstRecord()
    {
        var first = await Store.CreatePendingAsync(NewRun("run-1", key: "k"));

        var second = await Store.CreatePendingAsync(NewRun("run-2", key: "k") with { Note = "retry" });

        second.Outcome.ShouldBe(CreateRunOutcome.IdempotencyKeyExists);
        second.Record.ShouldBe(first.Record);
        (await Store.GetAsync("bactopia", "run-2")).ShouldBeNull();
    }

    [StoreFact]
    public async Task CreatePending_SameKeyTwentyTimesConcurrently_CreatesOneRecord()
    {
        var results = await Task.WhenAll(Enumerable.Range(0, 20)
            .Select(i => Task.Run(() => Store.CreatePendingAsync(NewRun($"run-{i}", key: "same-key")))));

        results.Count(r => r.Created).ShouldBe(1);
        results.Select(r => r.Record.Id).Distinct().Count().ShouldBe(1);
        results.Where(r => !r.Created).ShouldAllBe(r => r.Outcome == CreateRunOutcome.IdempotencyKeyExists);
        (await Store.FindByIdempotencyKeyAsync("alice", "same-key")).ShouldNotBeNull().Id.ShouldBe(results[0].Record.Id);
    }

    [StoreFact]
    public async Task CreatePending_SameKeyOtherUser_CreatesTwoRecords()
    {
        var alice = await Store.CreatePendingAsync(NewRun("run-a", userId: "alice", key: "k"));

        var bob = await Store.CreatePendingAsync(NewRun("run-b", userId: "bob", userName: "Bob", key: "k"));

        bob.Created.ShouldBeTrue();
        bob.Record.Id.ShouldNotBe(alice.Record.Id);
        (await Store.FindByIdempotencyKeyAsync("bob", "k")).ShouldNotBeNull().DagRunId.ShouldBe("run-b");
        (await Store.FindByIdempotencyKeyAsync("alice", "k")).ShouldNotBeNull().DagRunId.ShouldBe("run-a");
    }

    [StoreFact]
    public async Task CreatePending_WithoutKeyTwice_CreatesTwoRecords()
    {
        var first = await Store.CreatePendingAsync(NewRun("run-1"));

        var second = await Store.CreatePendingAsync(NewRun("run-2"));

        second.Created.ShouldBeTrue();
        second.Record.Id.ShouldNotBe(first.Record.Id);
    }

    [StoreFact]
    public async Task CreatePending_DagRunIdTakenUnderAnotherKey_ReturnsTheExistingRecordAsTaken()
    {
        var first = await Store.CreatePendingAsync(NewRun("run-1", key: "k1"));

        var clash = await Store.CreatePendingAsync(NewRun("run-1", userId: "bob", key: "k2"));

        clash.Outcome.ShouldBe(CreateRunOutcome.DagRunIdTaken);
        clash.Record.ShouldBe(first.Record);
        (await Store.FindByIdempotencyKeyAsync("bob", "k2")).ShouldBeNull();
    }

    [StoreFact]
    public async Task CreatePending_SameDagRunIdInAnotherDag_CreatesTwoRecords()
    {
        await Store.CreatePendingAsync(NewRun("run-1", dagId: "dag-a"));

        var other = await Store.CreatePendingAsync(NewRun("run-1", dagId: "dag-b"));

        other.Created.ShouldBeTrue();
    }

    [StoreFact]
    public async Task CreatePending_WithoutUserId_Throws()
    {
        var run = NewRun("run-1") with { TriggeredBy = new RunOwner(null, "Alice") };

        await Should.ThrowAsync<ArgumentException>(() => Store.CreatePendingAsync(run));
    }

    [StoreFact]
    public async Task CreatePending_InvalidJson_ThrowsArgumentExceptionAndStoresNothing()
    {
        var run = NewRun("run-1") with { Conf = "{not json" };

        var error = await Should.ThrowAsync<ArgumentException>(() => Store.CreatePendingAsync(run));

        error.ParamName.ShouldBe("run.Conf");
        (await Store.GetAsync("bactopia", "run-1")).ShouldBeNull();
    }

    [StoreFact]
    public async Task Lookups_UnknownRun_ReturnNull()
    {
        (await Store.GetAsync("bactopia", "nope")).ShouldBeNull();
        (await Store.GetByIdAsync(424242)).ShouldBeNull();
        (await Store.FindByIdempotencyKeyAsync("alice", "nope")).ShouldBeNull();
    }

    [StoreFact]
    public async Task MarkConfirmed_PendingRecord_StoresAirflowFieldsAndKeepsTheTriggerRecord()
    {
        var created = await Store.CreatePendingAsync(NewRun("run-1", key: "k"));
        Clock.Advance(TimeSpan.FromSeconds(5));
        var airflow = Observed("run-1", state: "queued", runAfter: T0.AddMinutes(1)) with { Note = "first try" };

        var confirmed = await Store.MarkConfirmedAsync(created.Record.Id, airflow);

        confirmed.ShouldNotBeNull();
        confirmed.RecordState.ShouldBe(RunRecordState.Confirmed);
        confirmed.State.ShouldBe("queued");
        confirmed.RunType.ShouldBe("manual");
        confirmed.RunAfter.ShouldBe(T0.AddMinutes(1));
        confirmed.LogicalDate.ShouldBe(T0.AddMinutes(1));
        confirmed.QueuedAt.ShouldBe(T0.AddMinutes(1).AddSeconds(1));
        confirmed.StartDate.ShouldBeNull();
        confirmed.AirflowNote.ShouldBe("first try");
        confirmed.AirflowUpdatedAt.ShouldBe(airflow.UpdatedAt);
        confirmed.LastSyncedAt.ShouldBe(T0.AddSeconds(5));
        confirmed.UpdatedAt.ShouldBe(T0.AddSeconds(5));
        confirmed.CreatedAt.ShouldBe(T0);
        confirmed.TriggeredBy.ShouldBe(created.Record.TriggeredBy);
        confirmed.Pipelines.ShouldBe(created.Record.Pipelines);
        confirmed.IdempotencyKey.ShouldBe("k");
        (await Store.GetByIdAsync(created.Record.Id)).ShouldBe(confirmed);
    }

    [StoreFact]
    public async Task MarkConfirmed_AfterASyncSawANewerState_KeepsTheNewerAirflowFields()
    {
        var created = await Store.CreatePendingAsync(NewRun("run-1"));
        await Store.UpsertObservedAsync([Observed("run-1", state: "running", updatedAt: T0.AddMinutes(2))]);

        var confirmed = await Store.MarkConfirmedAsync(created.Record.Id, Observed("run-1", state: "queued", updatedAt: T0.AddMinutes(1)));

        confirmed.ShouldNotBeNull();
        confirmed.RecordState.ShouldBe(RunRecordState.Confirmed);
        confirmed.State.ShouldBe("running");
        confirmed.AirflowUpdatedAt.ShouldBe(T0.AddMinutes(2));
    }

    [StoreFact]
    public async Task MarkConfirmed_UnknownId_ReturnsNull()
    {
        (await Store.MarkConfirmedAsync(424242, Observed("run-1"))).ShouldBeNull();
    }

    [StoreFact]
    public async Task MarkFailed_PendingRecord_StoresTheReason()
    {
        var created = await Store.CreatePendingAsync(NewRun("run-1"));

        var failed = await Store.MarkFailedAsync(created.Record.Id, "Invalid input for param threads: 'x' is not of type 'integer'");

        failed.ShouldNotBeNull();
        failed.RecordState.ShouldBe(RunRecordState.Failed);
        failed.FailureReason.ShouldBe("Invalid input for param threads: 'x' is not of type 'integer'");
    }

    [StoreFact]
    public async Task MarkFailed_ConfirmedRecord_StaysConfirmed()
    {
        var confirmed = await SeedConfirmedAsync(NewRun("run-1"));

        var after = await Store.MarkFailedAsync(confirmed.Id, "timed out");

        after.ShouldBe(confirmed);
    }

    [StoreFact]
    public async Task ListPending_MixedRecords_ReturnsOnlyOldEnoughPendingOnesOldestFirst()
    {
        var old1 = await Store.CreatePendingAsync(NewRun("old-1"));
        Clock.Advance(TimeSpan.FromMinutes(1));
        var old2 = await Store.CreatePendingAsync(NewRun("old-2"));
        await SeedConfirmedAsync(NewRun("confirmed"));
        var failed = await Store.CreatePendingAsync(NewRun("failed"));
        await Store.MarkFailedAsync(failed.Record.Id, "refused");
        Clock.Advance(TimeSpan.FromMinutes(10));
        await Store.CreatePendingAsync(NewRun("young"));

        var pending = await Store.ListPendingAsync(T0.AddMinutes(5), limit: 10);

        pending.Select(r => r.Id).ShouldBe([old1.Record.Id, old2.Record.Id]);
        (await Store.ListPendingAsync(T0.AddMinutes(5), limit: 1)).Single().Id.ShouldBe(old1.Record.Id);
    }
}
