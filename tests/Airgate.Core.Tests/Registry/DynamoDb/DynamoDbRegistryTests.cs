using System.Text.Json;
using System.Text.Json.Nodes;
using Airgate.Testing;
using Amazon.DynamoDBv2.Model;

namespace Airgate.Core.Registry.DynamoDb.Tests;

/// <summary>CAPE's tables on a real DynamoDB-compatible server (dynalite): the same registry as from a folder.</summary>
public sealed class DynamoDbRegistryTests
{
    private static readonly string ExampleRegistry = Path.Combine(RepositoryPaths.Root, "examples", "registry");

    [DynaliteFact]
    public async Task Push_ExampleRegistry_LoadsTheSameProfilesAndManifestsAsTheFolder()
    {
        await using var tables = await CapeTablesFixture.CreateAsync();
        (await tables.PushAsync(ExampleRegistry)).ShouldBe(RegistryPush.ExitOk, tables.Output);
        using var registry = tables.Registry();

        var folder = RegistryLoader.Load(ExampleRegistry);
        var dynamo = registry.Current;

        dynamo.Profiles.Select(p => p.Id).ShouldBe(folder.Profiles.Select(p => p.Id));
        foreach (var profile in folder.Profiles)
        {
            var read = dynamo.FindProfile(profile.Id).ShouldNotBeNull();
            read.ResolvedSchema.GetRawText().ShouldBe(profile.ResolvedSchema.GetRawText(), profile.Id);
            read.Profile.Inherits.ShouldBe(profile.Profile.Inherits);
            read.Profile.Submission.ShouldBe(profile.Profile.Submission);
            read.Profile.Runnable.ShouldBe(profile.Profile.Runnable);
        }

        dynamo.Manifests.Select(m => (m.DagId, string.Join(',', m.Pipelines))).ShouldBe(folder.Manifests.Select(m => (m.DagId, string.Join(',', m.Pipelines))));
        dynamo.Problems.Where(p => p.Severity == ProblemSeverity.Error).ShouldBeEmpty();
        registry.State.Failure.ShouldBeNull();
    }

    [DynaliteFact]
    public async Task Push_Twice_WritesNothingTheSecondTime()
    {
        await using var tables = await CapeTablesFixture.CreateAsync();
        await tables.PushAsync(ExampleRegistry);

        (await tables.PushAsync(ExampleRegistry)).ShouldBe(RegistryPush.ExitOk);

        tables.Output.ShouldContain("0 item(s) written");
        tables.Output.Split('\n').Where(line => line.Contains('[', StringComparison.Ordinal)).ShouldAllBe(line => line.StartsWith("unchanged:", StringComparison.Ordinal));
    }

    [DynaliteFact]
    public async Task CapeItems_ParentCopiedRawIntoDefsByStem_LoadWithoutTheParentAsTheFolderDoes()
    {
        await using var tables = await CapeTablesFixture.CreateAsync();
        var folder = RegistryLoader.Load(ExampleRegistry);
        // CAPE's writer copies the parent's parametersSchema as its file holds it (with $schema, its own $defs) into the
        // child's $defs under the parent's file stem; the parent's own item is not in the table.
        var child = JsonNode.Parse(File.ReadAllText(Path.Combine(ExampleRegistry, "profiles", "bactopia", "bactopia-amrfinderplus-3.2.0.json")))!.AsObject();
        var parent = JsonNode.Parse(File.ReadAllText(Path.Combine(ExampleRegistry, "profiles", "bactopia", "bactopia-base.json")))!["parametersSchema"]!.DeepClone();
        var schema = child["parametersSchema"]!.AsObject();
        schema["$defs"] = new JsonObject { ["bactopia-base"] = parent };
        await tables.PutAsync(tables.Options.PipelinesTable, CapeItem("bactopia-amrfinderplus-3.2.0", child));

        using var registry = tables.Registry();

        var read = registry.Current.FindProfile("bactopia-amrfinderplus-3.2.0").ShouldNotBeNull(string.Join('\n', registry.Current.Problems));
        read.ResolvedSchema.GetRawText().ShouldBe(folder.FindProfile("bactopia-amrfinderplus-3.2.0")!.ResolvedSchema.GetRawText());
        read.Validator.Evaluate(JsonDocument.Parse("""{"samples": "x", "wf": "amrfinderplus", "not_a_parameter": 1}""").RootElement).IsValid.ShouldBeFalse();
    }

    [DynaliteFact]
    public async Task CapeItems_InheritsByIdWithoutCopy_ResolvesTheParentFromTheTable()
    {
        await using var tables = await CapeTablesFixture.CreateAsync();
        var folder = RegistryLoader.Load(ExampleRegistry);
        foreach (var file in (string[])["bactopia-base.json", "bactopia-kraken2-3.2.0.json"])
        {
            var document = JsonNode.Parse(File.ReadAllText(Path.Combine(ExampleRegistry, "profiles", "bactopia", file)))!.AsObject();
            await tables.PutAsync(tables.Options.PipelinesTable, CapeItem(document["pipelineId"]!.GetValue<string>(), document));
        }

        using var registry = tables.Registry();

        registry.Current.FindProfile("bactopia-kraken2-3.2.0").ShouldNotBeNull().ResolvedSchema.GetRawText()
            .ShouldBe(folder.FindProfile("bactopia-kraken2-3.2.0")!.ResolvedSchema.GetRawText());
    }

    [DynaliteFact]
    public async Task BadItem_OneProblemNamingTableAndKey_TheRestLoad()
    {
        await using var tables = await CapeTablesFixture.CreateAsync();
        await tables.PushAsync(ExampleRegistry);
        await tables.PutAsync(tables.Options.PipelinesTable, new()
        {
            [CapeLayout.PipelineKey] = new() { S = "broken-1.0" },
            [CapeLayout.Profile] = new() { M = DynamoDbRegistryReader.FromJson("""{"pipelineId": "broken-1.0", "pipelineName": "Broken", "version": "1.0", "parametersSchema": {"type": "no-such-type"}}""") },
        });

        using var registry = tables.Registry();

        var problem = registry.Current.Problems.Where(p => p.Severity == ProblemSeverity.Error).ShouldHaveSingleItem();
        problem.File.ShouldBe($"{tables.Options.PipelinesTable}[pipeline_id=broken-1.0]");
        problem.Pointer.ShouldStartWith("/profile/parametersSchema");
        registry.Current.Profiles.Count.ShouldBe(RegistryLoader.Load(ExampleRegistry).Profiles.Count);
    }

    [DynaliteFact]
    public async Task Read_PastOneMegabyte_FollowsEveryPage()
    {
        await using var tables = await CapeTablesFixture.CreateAsync();
        var description = new string('x', 60_000);
        const int Count = 40;
        for (var i = 0; i < Count; i++)
        {
            await tables.PutAsync(tables.Options.PipelinesTable, CapeItem($"big-{i:D2}", new JsonObject
            {
                ["pipelineId"] = $"big-{i:D2}",
                ["pipelineName"] = $"Big {i}",
                ["version"] = "1.0",
                ["pipelineDescription"] = description,
                ["parametersSchema"] = new JsonObject { ["type"] = "object" },
            }));
        }

        using var registry = tables.Registry();

        registry.Current.Profiles.Count.ShouldBe(Count);
        // 40 items of 60 KB are 2.4 MB: at 1 MB a page, three scans of the pipeline table, then one of the workflows.
        tables.Scans.ShouldBeGreaterThanOrEqualTo(4);
    }

    [DynaliteFact]
    public async Task Read_Throttled_IsRetriedWithBackoffAndLoads()
    {
        await using var tables = await CapeTablesFixture.CreateAsync();
        await tables.PushAsync(ExampleRegistry);
        tables.Throttle(3);

        using var registry = tables.Registry();

        registry.Current.Profiles.Count.ShouldBe(RegistryLoader.Load(ExampleRegistry).Profiles.Count);
        registry.State.Failure.ShouldBeNull();
        tables.Scans.ShouldBe(3 + 2);
    }

    [DynaliteFact]
    public async Task Refresh_TableDeleted_KeepsTheLastGoodSnapshotAndSaysSo()
    {
        await using var tables = await CapeTablesFixture.CreateAsync();
        await tables.PushAsync(ExampleRegistry);
        using var registry = tables.Registry();
        var good = registry.Current;

        await tables.Client.DeleteTableAsync(tables.Options.PipelinesTable);
        await registry.RefreshAsync(CancellationToken.None);

        registry.Current.Profiles.Select(p => p.Id).ShouldBe(good.Profiles.Select(p => p.Id));
        registry.Current.Manifests.Count.ShouldBe(good.Manifests.Count);
        var problem = registry.Current.Problems[0];
        problem.File.ShouldBe(tables.Options.PipelinesTable);
        problem.Message.ShouldContain("ResourceNotFoundException");
        problem.Message.ShouldContain("last good registry");
        registry.State.Failure.ShouldBe("ResourceNotFoundException");
        registry.State.LastSuccess.ShouldNotBeNull();
    }

    [DynaliteFact]
    public async Task Refresh_ItemBreaks_KeepsItsLastGoodVersion()
    {
        await using var tables = await CapeTablesFixture.CreateAsync();
        await tables.PushAsync(ExampleRegistry);
        using var registry = tables.Registry();

        await tables.PutAsync(tables.Options.PipelinesTable, new()
        {
            [CapeLayout.PipelineKey] = new() { S = "fastqc-0.12.1" },
            [CapeLayout.Profile] = new() { M = DynamoDbRegistryReader.FromJson("""{"pipelineId": "fastqc-0.12.1", "pipelineName": "FastQC", "version": "0.12.1", "parametersSchema": {"minimum": "zero"}}""") },
        });
        await registry.RefreshAsync(CancellationToken.None);

        registry.Current.FindProfile("fastqc-0.12.1").ShouldNotBeNull();
        registry.Current.Problems.ShouldContain(p => p.File == $"{tables.Options.PipelinesTable}[pipeline_id=fastqc-0.12.1]" && p.Message.Contains("last good version", StringComparison.Ordinal));
    }

    [DynaliteFact]
    public async Task TwoRegistries_SameTables_AgreeAfterAChange()
    {
        await using var tables = await CapeTablesFixture.CreateAsync();
        await tables.PushAsync(ExampleRegistry);
        using var first = tables.Registry();
        using var second = tables.Registry();

        await tables.PutAsync(tables.Options.WorkflowsTable, RegistryPush.WorkflowItem(new Manifests.WorkflowManifest { DagId = "new_dag", Pipelines = ["fastqc-0.12.1"] }));
        await first.RefreshAsync(CancellationToken.None);
        await second.RefreshAsync(CancellationToken.None);

        first.Current.FindManifest("new_dag").ShouldNotBeNull();
        Describe(first.Current).ShouldBe(Describe(second.Current));
    }

    private static string Describe(RegistrySnapshot snapshot) =>
        string.Join('\n', snapshot.Profiles.Select(p => p.Id + p.ResolvedSchema.GetRawText())
            .Concat(snapshot.Manifests.Select(m => m.DagId + string.Join(',', m.Pipelines)))
            .Concat(snapshot.Problems.Select(p => p.ToString())));

    private static Dictionary<string, AttributeValue> CapeItem(string id, JsonObject profile) => new()
    {
        [CapeLayout.PipelineKey] = new() { S = id },
        [CapeLayout.PipelineName] = new() { S = profile["pipelineName"]!.GetValue<string>() },
        [CapeLayout.Version] = new() { S = profile["version"]!.GetValue<string>() },
        [CapeLayout.Profile] = new() { M = DynamoDbRegistryReader.FromJson(profile.ToJsonString()) },
    };
}
