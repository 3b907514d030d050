using Airgate.Core.Runs;
using Airgate.Storage.Tests.Infrastructure;

namespace Airgate.Storage.Tests;

public abstract partial class RunStoreContract
{
    public static TheoryData<string> HostileStrings => new()
    {
        "O'Brien",
        "'; DROP TABLE runs; --",
        "Robert\"); DROP TABLE runs;--",
        "x' OR '1'='1",
        "日本語 ünïcødé 🚀 \u200b",
        "tab\tnew\nline\r\\back\\slash",
        "%_\\%",
        new string('x', 10_000),
    };

    [StoreTheory]
    [MemberData(nameof(HostileStrings))]
    public async Task Store_HostileStrings_AreKeptAsDataNeverRunAsSql(string hostile)
    {
        var run = NewRun(hostile, userId: hostile, userName: hostile, key: hostile, dagId: hostile) with { Note = hostile };

        var created = await Store.CreatePendingAsync(run);
        await Store.MarkConfirmedAsync(created.Record.Id, Observed(hostile, dagId: hostile, state: "success") with { Note = hostile });
        await Store.UpsertObservedAsync([Observed(hostile + "-ext", dagId: hostile, state: hostile, user: hostile)]);
        await Store.SetSyncWatermarkAsync(hostile, T0);

        var stored = await Store.GetAsync(hostile, hostile);
        stored.ShouldNotBeNull();
        stored.DagId.ShouldBe(hostile);
        stored.DagRunId.ShouldBe(hostile);
        stored.TriggeredBy.ShouldBe(new RunOwner(hostile, hostile));
        stored.Note.ShouldBe(hostile);
        stored.AirflowNote.ShouldBe(hostile);
        (await Store.FindByIdempotencyKeyAsync(hostile, hostile)).ShouldNotBeNull().Id.ShouldBe(stored.Id);
        (await Store.GetSyncWatermarkAsync(hostile)).ShouldBe(T0);
        (await Store.ListAsync(new RunQuery { DagId = hostile, OwnerId = hostile })).TotalEntries.ShouldBe(1);
        (await Store.ListAsync(new RunQuery { DagId = hostile, States = [hostile] })).Items.Single().DagRunId.ShouldBe(hostile + "-ext");
        (await Store.ListAsync(new RunQuery { OwnerNamePattern = hostile })).TotalEntries.ShouldBeGreaterThanOrEqualTo(0);
        (await CountRowsAsync(Dialect, "runs")).ShouldBe(2);
    }

    [StoreFact]
    public async Task Store_NulCharacter_IsRefusedOnWritesAndMatchesNothingOnReads()
    {
        await SeedConfirmedAsync(NewRun("run-1"));
        const string nul = "a\0b";

        await Should.ThrowAsync<ArgumentException>(() => Store.CreatePendingAsync(NewRun("run-2") with { Note = nul }));
        await Should.ThrowAsync<ArgumentException>(() => Store.UpsertObservedAsync([Observed(nul)]));
        await Should.ThrowAsync<ArgumentException>(() => Store.SetSyncWatermarkAsync(nul, T0));
        (await Store.GetAsync("bactopia", nul)).ShouldBeNull();
        (await Store.FindByIdempotencyKeyAsync(nul, nul)).ShouldBeNull();
        (await Store.GetSyncWatermarkAsync(nul)).ShouldBeNull();
        (await Store.ListAsync(new RunQuery { OwnerNamePattern = nul })).TotalEntries.ShouldBe(0);
        (await Store.ListAsync(new RunQuery { States = [nul] })).TotalEntries.ShouldBe(0);
        (await Store.ListAsync(new RunQuery { States = [nul, "running"] })).TotalEntries.ShouldBe(1);
        (await CountRowsAsync(Dialect, "runs")).ShouldBe(1);
    }
}
