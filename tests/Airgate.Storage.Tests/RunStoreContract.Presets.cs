using Airgate.Core.Presets;
using Airgate.Storage.Presets;
using Airgate.Storage.Tests.Infrastructure;

namespace Airgate.Storage.Tests;

public abstract partial class RunStoreContract
{
    private SqlPresetStore NewPresetStore() => new(Dialect, Clock);

    [StoreFact]
    public async Task Presets_SaveReplaceListDelete_KeepsCreationTimeAndValuesVerbatim()
    {
        var store = NewPresetStore();
        const string first = """{"pipelines": {"p": {"b": 1, "a": 2}}}""";

        var (created, createdOutcome) = await store.SaveAsync("alice", "dag", "weekly", first, 10);
        Clock.Advance(TimeSpan.FromMinutes(5));
        var (replaced, replacedOutcome) = await store.SaveAsync("alice", "dag", "weekly", """{"params": {"x": 1}}""", 10);

        createdOutcome.ShouldBe(SavePresetOutcome.Created);
        created.ShouldNotBeNull().Values.ShouldBe(first);
        replacedOutcome.ShouldBe(SavePresetOutcome.Replaced);
        replaced.ShouldNotBeNull().CreatedAt.ShouldBe(T0);
        replaced.UpdatedAt.ShouldBe(T0.AddMinutes(5));
        (await store.ListAsync("alice", "dag")).Select(p => p.Name).ShouldBe(["weekly"]);
        (await store.DeleteAsync("alice", "dag", "weekly")).ShouldBeTrue();
        (await store.GetAsync("alice", "dag", "weekly")).ShouldBeNull();
        (await store.DeleteAsync("alice", "dag", "weekly")).ShouldBeFalse();
    }

    [StoreFact]
    public async Task Presets_OtherOwnerOrWorkflow_AreSeparate()
    {
        var store = NewPresetStore();
        await store.SaveAsync("alice", "dag", "same", "{}", 10);
        await store.SaveAsync("bob", "dag", "same", "{}", 10);
        await store.SaveAsync("alice", "other", "same", "{}", 10);

        (await store.ListAsync("alice", "dag")).ShouldHaveSingleItem().OwnerId.ShouldBe("alice");
        (await store.GetAsync("carol", "dag", "same")).ShouldBeNull();
        (await store.ListAsync("alice\0", "dag")).ShouldBeEmpty();
    }

    [StoreFact]
    public async Task Presets_AtTheLimit_RefuseANewNameButReplaceAnOldOne()
    {
        var store = NewPresetStore();
        await store.SaveAsync("alice", "dag", "a", "{}", 2);
        await store.SaveAsync("alice", "dag", "b", "{}", 2);

        var (refused, refusedOutcome) = await store.SaveAsync("alice", "dag", "c", "{}", 2);
        var (_, replacedOutcome) = await store.SaveAsync("alice", "dag", "a", """{"params": {}}""", 2);

        refused.ShouldBeNull();
        refusedOutcome.ShouldBe(SavePresetOutcome.LimitReached);
        replacedOutcome.ShouldBe(SavePresetOutcome.Replaced);
        (await store.ListAsync("alice", "dag")).Select(p => p.Name).ShouldBe(["a", "b"]);
    }
}
