using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Airgate.AirflowEmulator;
using Airgate.Testing;
using Airgate.Tests.Infrastructure;

namespace Airgate.Tests.Runs;

/// <summary>SPEC 2.2 and 4.2 over HTTP: a draft-07 nf-core-style profile loads, dry runs answer as nf-schema would judge, and the command line carries only what was set.</summary>
public sealed class NextflowDryRunTests : IDisposable
{
    private const string Path = "/api/v1/workflows/seqfetch_run/runs?dry_run=true";
    private readonly DirectoryInfo _registry = Directory.CreateTempSubdirectory("airgate-registry-");

    public NextflowDryRunTests()
    {
        File.Copy(System.IO.Path.Combine(RepositoryPaths.Root, "tests", "Airgate.Core.Tests", "Registry", "Nextflow", "nfcore_draft07_schema.json"), System.IO.Path.Combine(_registry.FullName, "nextflow_schema.json"));
        File.WriteAllText(System.IO.Path.Combine(_registry.FullName, "seqfetch.json"), """
            {"id": "seqfetch-1.12.0", "name": "seqfetch", "version": "1.12.0", "type": "nextflow",
             "parameters_schema_file": "nextflow_schema.json", "submission": {"options_field": "nextflowOptions", "encoding": "cli-string"}}
            """);
        File.WriteAllText(System.IO.Path.Combine(_registry.FullName, "m.json"), """{"dag_id": "seqfetch_run", "pipelines": ["seqfetch-1.12.0"]}""");
    }

    public void Dispose() => _registry.Delete(recursive: true);

    private Gateway Start() => Gateway.Start(options =>
    {
        options.RegistryPath = _registry.FullName;
        options.Emulator = new EmulatorOptions
        {
            FixturesPath = System.IO.Path.Combine(RepositoryPaths.Root, "examples", "emulator", "dags"),
            GeneratedDags = [new GeneratedDag("seqfetch_run", ["run_pipeline"], "Generated for a test.")],
        };
    });

    private static JsonObject Body(string parameters) => new() { ["pipelines"] = new JsonObject { ["seqfetch-1.12.0"] = JsonNode.Parse(parameters) } };

    [Fact]
    public async Task DryRun_ValidParameters_Answers200WithOnlyTheSetValuesOnTheCommandLine()
    {
        await using var gateway = Start();

        var response = await (await gateway.Client.TriggerAsync(Body("""{"input": "ids.csv", "outdir": "s3://b/o", "evalue": 2.5e-7, "skip_cellbender": true}"""), path: Path)).ShouldBeJsonAsync();

        var entry = response.GetProperty("conf").GetProperty("pipelineConfigs")[0];
        entry.GetProperty("nextflowOptions").GetProperty("download_method").GetString().ShouldBe("ftp");
        entry.GetProperty("nextflowOptions").TryGetProperty("report_modules", out _).ShouldBeFalse();
        entry.GetProperty("nextflowOptionsCli").GetString().ShouldBe("--input ids.csv --outdir s3://b/o --evalue 0.00000025 --skip_cellbender true");
        gateway.Emulator.TriggerPosts("seqfetch_run").ShouldBe(0);
    }

    public static TheoryData<string, string, string> Refusals => new()
    {
        { """{"outdir": "/o"}""", "/input", "required" },
        { """{"input": "ids.csv", "outdir": "/o", "skip_emptydrops": true}""", "/skip_emptydrops", "deprecated" },
        { """{"input": "ids.csv", "outdir": "/o", "notify_address": "not-an-email"}""", "/notify_address", "format" },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public async Task DryRun_WhatNfSchemaWouldRefuse_Answers400AtItsPointer(string parameters, string location, string keyword)
    {
        await using var gateway = Start();

        var problem = await (await gateway.Client.TriggerAsync(Body(parameters), path: Path)).ShouldBeProblemAsync(HttpStatusCode.BadRequest);

        var error = problem.GetProperty("errors").EnumerateArray().ShouldHaveSingleItem();
        error.GetProperty("pointer").GetString().ShouldBe(location);
        error.GetProperty("keyword").GetString().ShouldBe(keyword);
        error.GetProperty("pipeline").GetString().ShouldBe("seqfetch-1.12.0");
    }

    [Fact]
    public async Task Trigger_DeprecatedParameter_ForwardsNothingToAirflow()
    {
        await using var gateway = Start();

        await (await gateway.Client.TriggerAsync(Body("""{"input": "ids.csv", "outdir": "/o", "skip_emptydrops": false}"""), path: "/api/v1/workflows/seqfetch_run/runs"))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest);

        gateway.Emulator.TriggerPosts("seqfetch_run").ShouldBe(0);
    }

    [Fact]
    public async Task RegistryProblems_Draft07Profile_HasNoError()
    {
        await using var gateway = Start();

        var body = await (await gateway.Client.GetAsync("/api/v1/registry/problems")).ShouldBeJsonAsync();

        body.GetProperty("problems").EnumerateArray().ShouldAllBe(p => p.GetProperty("severity").GetString() == "warning");
        JsonSerializer.Serialize(body).ShouldNotContain("draft-07");
    }
}
