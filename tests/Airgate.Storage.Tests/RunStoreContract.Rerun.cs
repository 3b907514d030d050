using Airgate.Core.Runs;
using Airgate.Storage.Tests.Infrastructure;

namespace Airgate.Storage.Tests;

public abstract partial class RunStoreContract
{
    [StoreFact]
    public async Task CreatePending_RerunWithSchemaHashes_StoresBothAndTheMirrorKeepsThem()
    {
        var hashes = """{"bactopia-kraken2-3.2.0": "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"}""";
        var run = NewRun("rerun-1") with { RerunOf = "manual__2026-01-15T09:00:00+00:00", SchemaHashes = hashes };

        var created = await Store.CreatePendingAsync(run);
        await Store.UpsertObservedAsync([new ObservedRun { DagId = run.DagId, DagRunId = run.DagRunId, State = "running" }]);

        var stored = await Store.GetAsync(run.DagId, run.DagRunId);
        created.Record.RerunOf.ShouldBe("manual__2026-01-15T09:00:00+00:00");
        stored.ShouldNotBeNull();
        stored.State.ShouldBe("running");
        stored.RerunOf.ShouldBe(run.RerunOf);
        stored.SchemaHashes.ShouldBe(hashes);
    }

    [StoreFact]
    public async Task CreatePending_PlainTrigger_HasNoRerunOfNorHashes()
    {
        var created = await Store.CreatePendingAsync(NewRun("plain-1"));

        created.Record.RerunOf.ShouldBeNull();
        created.Record.SchemaHashes.ShouldBeNull();
    }

    [StoreFact]
    public async Task CreatePending_SchemaHashesNotJson_IsRefusedBeforeTheDatabase()
    {
        await Should.ThrowAsync<ArgumentException>(() => Store.CreatePendingAsync(NewRun("bad-1") with { SchemaHashes = "{not json" }));

        (await Store.GetAsync("bactopia", "bad-1")).ShouldBeNull();
    }
}
