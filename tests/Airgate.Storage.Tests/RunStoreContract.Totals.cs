using Airgate.Core.Runs;
using Airgate.Storage.Tests.Infrastructure;

namespace Airgate.Storage.Tests;

/// <summary>Running totals, mirror state and retention: totals must equal a full count after every kind of change.</summary>
public abstract partial class RunStoreContract
{
    public static TheoryData<string?, string[]> TotalQueries => new()
    {
        { null, [] },
        { "bactopia", [] },
        { "amr", [] },
        { null, ["success"] },
        { "bactopia", ["running", "failed"] },
    };

    [StoreTheory]
    [MemberData(nameof(TotalQueries))]
    public async Task List_TotalsAfterInsertsStateChangesConfirmationsDeletesAndFolds_EqualAFullCount(string? dagId, string[] states)
    {
        await Store.UpsertObservedAsync([.. Enumerable.Range(0, 40).Select(i =>
            Observed($"run-{i}", dagId: i % 3 == 0 ? "amr" : "bactopia", state: i % 2 == 0 ? "running" : "success", runAfter: T0.AddMinutes(i)))]);
        var pending = await Store.CreatePendingAsync(NewRun("airgate-1"));
        var failed = await Store.CreatePendingAsync(NewRun("airgate-2"));
        await Store.MarkFailedAsync(failed.Record.Id, "refused");
        await AssertTotalAsync(dagId, states);

        Clock.Advance(TimeSpan.FromMinutes(1));
        await Store.UpsertObservedAsync([.. Enumerable.Range(0, 20).Select(i =>
            Observed($"run-{i}", dagId: i % 3 == 0 ? "amr" : "bactopia", state: "failed", runAfter: T0.AddMinutes(i), updatedAt: Clock.GetUtcNow()))]);
        await Store.MarkConfirmedAsync(pending.Record.Id, Observed("airgate-1", state: "success"));
        await AssertTotalAsync(dagId, states);

        await Store.CompactTotalsAsync();
        await Store.DeleteExternalEndedBeforeAsync(T0.AddMinutes(30), 7);
        await AssertTotalAsync(dagId, states);
        await Store.CompactTotalsAsync();
        await AssertTotalAsync(dagId, states);
    }

    [StoreFact]
    public async Task CompactTotals_LeavesOneRowPerWorkflowAndState()
    {
        for (var i = 0; i < 10; i++)
        {
            await Store.UpsertObservedAsync([Observed($"run-{i}", state: "success")]);
        }

        await Store.CompactTotalsAsync();

        (await CountRowsAsync(Dialect, "run_count_deltas")).ShouldBe(1);
        (await Store.ListAsync(new RunQuery())).TotalEntries.ShouldBe(10);
    }

    [StoreFact]
    public async Task DeleteExternalEndedBefore_KeepsAirgateRecordsAndUnfinishedRuns()
    {
        await Store.UpsertObservedAsync([Observed("old-done", state: "success"), Observed("old-running", state: "running")]);
        var ours = await Store.CreatePendingAsync(NewRun("airgate-1"));
        await Store.MarkConfirmedAsync(ours.Record.Id, Observed("airgate-1", state: "success"));

        var deleted = await Store.DeleteExternalEndedBeforeAsync(T0.AddDays(1), 100);

        deleted.ShouldBe(1);
        (await Store.GetAsync("bactopia", "old-done")).ShouldBeNull();
        (await Store.GetAsync("bactopia", "old-running")).ShouldNotBeNull();
        (await Store.GetAsync("bactopia", "airgate-1")).ShouldNotBeNull();
    }

    [StoreFact]
    public async Task MirrorState_SetTwice_ReadsTheLast()
    {
        (await Store.GetMirrorStateAsync("backfill")).ShouldBeNull();

        await Store.SetMirrorStateAsync("backfill", """{"complete": false}""");
        await Store.SetMirrorStateAsync("backfill", """{"complete": true}""");

        (await Store.GetMirrorStateAsync("backfill")).ShouldBe("""{"complete": true}""");
    }

    private async Task AssertTotalAsync(string? dagId, string[] states)
    {
        var page = await Store.ListAsync(new RunQuery { DagId = dagId, States = states, Limit = 1000 });
        page.TotalEntries.ShouldBe(page.Items.Count);
        var stateFilter = states.Length == 0 ? string.Empty : $" AND state IN ({string.Join(", ", states.Select(s => $"'{s}'"))})";
        var dagFilter = dagId is null ? string.Empty : $" AND dag_id = '{dagId}'";
        var counted = Convert.ToInt64(
            await ScalarAsync(Dialect, $"SELECT COUNT(*) FROM runs WHERE record_state = 'Confirmed'{dagFilter}{stateFilter}"),
            System.Globalization.CultureInfo.InvariantCulture);
        page.TotalEntries.ShouldBe(counted);
    }
}
