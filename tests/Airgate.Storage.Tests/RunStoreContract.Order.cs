using Airgate.Core.Runs;
using Airgate.Storage.Tests.Infrastructure;

namespace Airgate.Storage.Tests;

public abstract partial class RunStoreContract
{
    public static TheoryData<string> OrderByValues()
    {
        var data = new TheoryData<string>();
        foreach (var field in RunOrderBy.AllowedFields)
        {
            data.Add(field);
            data.Add("-" + field);
        }

        return data;
    }

    [StoreTheory]
    [MemberData(nameof(OrderByValues))]
    public async Task List_OrderBy_SortsNullsAsGreatestAndBreaksTiesById(string orderBy)
    {
        await SeedVariedRunsAsync();
        RunOrderBy.TryParse(orderBy, out var order).ShouldBeTrue();

        var runs = await ListAllAsync(new RunQuery { OrderBy = order });

        var ascending = runs.Order(Comparer<RunRecord>.Create((a, b) => Compare(order.Field, a, b))).ToList();
        var expected = order.Descending ? Enumerable.Reverse(ascending).ToList() : ascending;
        runs.Select(r => r.Id).ShouldBe(expected.Select(r => r.Id));
    }

    [StoreFact]
    public async Task List_NoOrderGiven_IsNewestRunAfterFirst()
    {
        await Store.UpsertObservedAsync([Observed("old", runAfter: T0), Observed("new", runAfter: T0.AddDays(1)), Observed("mid", runAfter: T0.AddHours(1))]);

        var page = await Store.ListAsync(new RunQuery());

        page.Items.Select(r => r.DagRunId).ShouldBe(["new", "mid", "old"]);
    }

    [StoreFact]
    public async Task List_PagingFarBeyondAThousandRuns_HasExactTotalsAndNoDuplicatesOrGaps()
    {
        // 5 000 mirrored runs with many equal run_after values, plus Airgate's own records.
        await Store.UpsertObservedAsync([.. Enumerable.Range(0, 5_000).Select(i =>
            Observed($"ext-{i:D5}", dagId: i % 3 == 0 ? "a" : "b", state: i % 4 == 0 ? "failed" : "success", runAfter: T0.AddMinutes(i % 700)))]);
        for (var i = 0; i < 25; i++)
        {
            await SeedConfirmedAsync(NewRun($"mine-{i}", dagId: "a"), state: "success", runAfter: T0.AddMinutes(i * 50));
        }

        foreach (var pageSize in new[] { RunQuery.MaxLimit, 777 })
        {
            var seen = new List<RunRecord>();
            for (long offset = 0; ; offset += pageSize)
            {
                var page = await Store.ListAsync(new RunQuery { Limit = pageSize, Offset = offset });
                page.TotalEntries.ShouldBe(5_025);
                if (page.Items.Count == 0)
                {
                    break;
                }

                page.Items.Count.ShouldBe((int)Math.Min(pageSize, 5_025 - offset));
                seen.AddRange(page.Items);
            }

            seen.Count.ShouldBe(5_025);
            seen.Select(r => r.Id).Distinct().Count().ShouldBe(5_025);
            for (var i = 1; i < seen.Count; i++)
            {
                Compare(RunSortField.RunAfter, seen[i - 1], seen[i]).ShouldBeGreaterThan(0, $"rows {i - 1} and {i} are out of order with page size {pageSize}");
            }
        }

        var filtered = await Store.ListAsync(new RunQuery { DagId = "a", States = ["success"], Limit = 10, Offset = 1_200 });
        filtered.TotalEntries.ShouldBe(Enumerable.Range(0, 5_000).Count(i => i % 3 == 0 && i % 4 != 0) + 25);
        filtered.Items.Count.ShouldBe(10);
    }

    /// <summary>Runs with ties, nulls and mixed-case ids in every sortable field.</summary>
    private async Task SeedVariedRunsAsync()
    {
        string?[] states = ["success", "failed", null, "running", "queued", "Success"];
        string[] dags = ["beta", "Alpha", "alpha", "_zeta"];
        var observed = Enumerable.Range(0, 60).Select(i => new ObservedRun
        {
            DagId = dags[i % dags.Length],
            DagRunId = (i % 2 == 0 ? "Run_" : "run-") + (char)('a' + (i % 26)) + (i / 26),
            State = states[i % states.Length],
            RunType = "scheduled",
            RunAfter = i % 11 == 0 ? null : T0.AddMinutes(i % 7),
            LogicalDate = i % 5 == 0 ? null : T0.AddHours(i % 4),
            StartDate = i % 3 == 0 ? null : T0.AddSeconds(i % 9),
            EndDate = i % 2 == 0 ? null : T0.AddDays(i % 3),
            UpdatedAt = T0,
        }).ToList();
        await Store.UpsertObservedAsync(observed);
        for (var i = 0; i < 6; i++)
        {
            Clock.Advance(TimeSpan.FromMinutes(i % 2));
            await SeedConfirmedAsync(NewRun($"mine-{i}", dagId: dags[i % dags.Length]), state: states[i]!, runAfter: T0.AddMinutes(i % 3));
        }
    }

    /// <summary>The contract's order: ordinal text, UTC time, nulls greater than any value, then id.</summary>
    private static int Compare(RunSortField field, RunRecord a, RunRecord b)
    {
        var byField = field switch
        {
            RunSortField.RunAfter => CompareNullable(a.RunAfter, b.RunAfter),
            RunSortField.LogicalDate => CompareNullable(a.LogicalDate, b.LogicalDate),
            RunSortField.StartDate => CompareNullable(a.StartDate, b.StartDate),
            RunSortField.EndDate => CompareNullable(a.EndDate, b.EndDate),
            RunSortField.State => CompareText(a.State, b.State),
            RunSortField.DagRunId => CompareText(a.DagRunId, b.DagRunId),
            RunSortField.DagId => CompareText(a.DagId, b.DagId),
            RunSortField.CreatedAt => a.CreatedAt.CompareTo(b.CreatedAt),
            _ => throw new ArgumentOutOfRangeException(nameof(field)),
        };
        return byField != 0 ? byField : a.Id.CompareTo(b.Id);
    }

    private static int CompareNullable(DateTimeOffset? a, DateTimeOffset? b) =>
        (a, b) switch
        {
            (null, null) => 0,
            (null, _) => 1,
            (_, null) => -1,
            ({ } x, { } y) => x.CompareTo(y),
        };

    private static int CompareText(string? a, string? b) =>
        (a, b) switch
        {
            (null, null) => 0,
            (null, _) => 1,
            (_, null) => -1,
            _ => string.CompareOrdinal(a, b),
        };
}
