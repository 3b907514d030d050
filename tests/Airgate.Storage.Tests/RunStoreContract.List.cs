using Airgate.Core.Runs;
using Airgate.Storage.Tests.Infrastructure;

namespace Airgate.Storage.Tests;

public abstract partial class RunStoreContract
{
    public static TheoryData<string, string[]> OwnerNamePatterns => new()
    {
        { "alice", ["alice", "Alice", "ALICE"] },
        { "alice%", ["alice", "Alice", "ALICE", "alice2", "alice_x"] },
        { "_lice", ["alice", "Alice", "ALICE"] },
        { "al_ce", ["alice", "Alice", "ALICE", "al%ce", "al_ce"] },
        { @"al\%ce", ["al%ce"] },
        { @"al\_ce", ["al_ce"] },
        { @"%\_%", ["alice_x", "al_ce"] },
        { @"a\\b", [@"a\b"] },
        { @"a\b", ["ab"] },
        { @"ab\", [@"ab\"] },
        { "%", ["alice", "Alice", "ALICE", "alice2", "alice_x", "al%ce", "al_ce", @"a\b", "ab", @"ab\", "Ærø Ølsen", "bob"] },
        { "ærø%", ["Ærø Ølsen"] },
        { "_rø ølsen", ["Ærø Ølsen"] },
        { "", [] },
        { "nobody", [] },
    };

    [StoreTheory]
    [MemberData(nameof(OwnerNamePatterns))]
    public async Task List_OwnerNamePattern_MatchesLikeCaseInsensitively(string pattern, string[] expectedNames)
    {
        string[] names = ["alice", "Alice", "ALICE", "alice2", "alice_x", "al%ce", "al_ce", @"a\b", "ab", @"ab\", "Ærø Ølsen", "bob"];
        for (var i = 0; i < names.Length; i++)
        {
            // Half Airgate records, half external runs: the pattern matches owners of both.
            if (i % 2 == 0)
            {
                await SeedConfirmedAsync(NewRun($"run-{i}", userId: $"user-{i}", userName: names[i]));
            }
            else
            {
                await Store.UpsertObservedAsync([Observed($"run-{i}", user: names[i])]);
            }
        }

        var runs = await ListAllAsync(new RunQuery { OwnerNamePattern = pattern });

        runs.Select(r => r.TriggeredBy?.Name).Order(StringComparer.Ordinal).ShouldBe(expectedNames.Order(StringComparer.Ordinal));
    }

    [StoreFact]
    public async Task List_OwnerId_MatchesExactlyAndCaseSensitively()
    {
        await SeedConfirmedAsync(NewRun("run-1", userId: "alice"));
        await SeedConfirmedAsync(NewRun("run-2", userId: "alice2"));
        await SeedConfirmedAsync(NewRun("run-3", userId: "Alice"));
        await SeedConfirmedAsync(NewRun("run-4", userId: "alice"));
        await Store.UpsertObservedAsync([Observed("run-5", user: "alice")]);

        var page = await Store.ListAsync(new RunQuery { OwnerId = "alice", OrderBy = new RunOrderBy(RunSortField.DagRunId, false) });

        page.TotalEntries.ShouldBe(2);
        page.Items.Select(r => r.DagRunId).ShouldBe(["run-1", "run-4"]);
    }

    [StoreFact]
    public async Task List_States_KeepsRunsInAnyOfThem()
    {
        string[] states = ["queued", "running", "success", "failed", "success"];
        await Store.UpsertObservedAsync([.. states.Select((s, i) => Observed($"run-{i}", state: s))]);

        var page = await Store.ListAsync(new RunQuery { States = ["success", "queued"] });

        page.TotalEntries.ShouldBe(3);
        page.Items.Select(r => r.State).Order().ShouldBe(["queued", "success", "success"]);
        (await Store.ListAsync(new RunQuery { States = ["SUCCESS"] })).TotalEntries.ShouldBe(0);
    }

    [StoreFact]
    public async Task List_DagId_KeepsOneWorkflowAndNullKeepsAll()
    {
        await Store.UpsertObservedAsync([Observed("r1", dagId: "a"), Observed("r2", dagId: "b"), Observed("r3", dagId: "a")]);

        (await Store.ListAsync(new RunQuery { DagId = "a" })).TotalEntries.ShouldBe(2);
        (await Store.ListAsync(new RunQuery { DagId = "A" })).TotalEntries.ShouldBe(0);
        (await Store.ListAsync(new RunQuery())).TotalEntries.ShouldBe(3);
    }

    [StoreFact]
    public async Task List_FiltersCombined_AreAnded()
    {
        await SeedConfirmedAsync(NewRun("r1", userId: "alice", dagId: "a"), state: "success");
        await SeedConfirmedAsync(NewRun("r2", userId: "alice", dagId: "a"), state: "failed");
        await SeedConfirmedAsync(NewRun("r3", userId: "alice", dagId: "b"), state: "success");
        await SeedConfirmedAsync(NewRun("r4", userId: "bob", userName: "Bob", dagId: "a"), state: "success");

        var page = await Store.ListAsync(new RunQuery { DagId = "a", OwnerId = "alice", OwnerNamePattern = "ali%", States = ["success"] });

        page.Items.Single().DagRunId.ShouldBe("r1");
    }

    [StoreFact]
    public async Task List_PendingAndFailedRecords_AreNotListed()
    {
        await Store.CreatePendingAsync(NewRun("pending"));
        var failed = await Store.CreatePendingAsync(NewRun("failed"));
        await Store.MarkFailedAsync(failed.Record.Id, "refused");
        await SeedConfirmedAsync(NewRun("confirmed"));

        var page = await Store.ListAsync(new RunQuery());

        page.TotalEntries.ShouldBe(1);
        page.Items.Single().DagRunId.ShouldBe("confirmed");
    }

    [StoreTheory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(RunQuery.MaxLimit + 1)]
    public async Task List_LimitOutsideRange_ThrowsInsteadOfCapping(int limit)
    {
        await Should.ThrowAsync<ArgumentOutOfRangeException>(() => Store.ListAsync(new RunQuery { Limit = limit }));
    }

    [StoreFact]
    public async Task List_NegativeOffset_Throws()
    {
        await Should.ThrowAsync<ArgumentOutOfRangeException>(() => Store.ListAsync(new RunQuery { Offset = -1 }));
    }

    [StoreFact]
    public async Task List_OffsetBeyondTheEnd_ReturnsAnEmptyPageWithTheExactTotal()
    {
        await Store.UpsertObservedAsync([Observed("r1"), Observed("r2")]);

        var page = await Store.ListAsync(new RunQuery { Offset = 5_000 });

        page.Items.ShouldBeEmpty();
        page.TotalEntries.ShouldBe(2);
    }
}
