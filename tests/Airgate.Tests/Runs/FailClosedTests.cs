using System.Net;
using System.Text.Json.Nodes;
using Airgate.AirflowEmulator;
using Airgate.Testing;
using Airgate.Tests.Infrastructure;

namespace Airgate.Tests.Runs;

/// <summary>SPEC 3: a workflow whose profile has no good version refuses triggers; it never falls back to unvalidated parameters.</summary>
public sealed class FailClosedTests
{
    [Fact]
    public async Task TriggerRun_ManifestNamesABrokenProfile_RefusesNamingTheProfileAndItsProblem()
    {
        var registry = Directory.CreateTempSubdirectory("airgate-registry-");
        try
        {
            await File.WriteAllTextAsync(Path.Combine(registry.FullName, "p.json"), """{"id": "p-1.0", "name": "P", "version": "1.0", "parameters_schema": {"type": "object", "properties": {"n": {"type": "integer", "default": "x"}}}}""");
            await File.WriteAllTextAsync(Path.Combine(registry.FullName, "m.json"), """{"dag_id": "guarded", "pipelines": ["p-1.0"]}""");
            await using var gateway = Gateway.Start(options =>
            {
                options.RegistryPath = registry.FullName;
                options.Emulator = WithDag("guarded");
            });

            var workflow = await (await gateway.Client.GetAsync("/api/v1/workflows/guarded")).ShouldBeJsonAsync();
            var problem = await (await gateway.Client.TriggerAsync(new JsonObject { ["params"] = new JsonObject { ["anything"] = "goes" } }, path: "/api/v1/workflows/guarded/runs"))
                .ShouldBeProblemAsync(HttpStatusCode.BadRequest);

            workflow.GetProperty("parameters_source").GetString().ShouldBe("pipelines");
            var error = problem.GetProperty("errors").EnumerateArray().Single(e => e.GetProperty("keyword").GetString() == "workflow_unavailable");
            var message = error.GetProperty("message").GetString() ?? string.Empty;
            message.ShouldContain("'p-1.0'");
            message.ShouldContain("p.json:/parameters_schema/properties/n/default");
            gateway.Emulator.TriggerPosts("guarded").ShouldBe(0);
        }
        finally
        {
            registry.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task ListRegistryProblems_NextflowExample_ListsGroupDefaultsAsWarnings()
    {
        await using var gateway = Gateway.Start();

        var body = await (await gateway.Client.GetAsync("/api/v1/registry/problems")).ShouldBeJsonAsync();

        var problems = body.GetProperty("problems").EnumerateArray().ToList();
        problems.ShouldNotBeEmpty();
        problems.ShouldAllBe(p => p.GetProperty("severity").GetString() == "warning" && p.GetProperty("file").GetString() == "profiles/ampliconseq/nextflow_schema.json");
    }

    [Fact]
    public async Task TriggerRun_NextflowExampleWithBadSamplesheet_AnswersTheSchemasErrorMessageAndPattern()
    {
        await using var gateway = Gateway.Start(options => options.Emulator = WithDag("amplicon_16s_survey"));
        var body = new JsonObject { ["pipelines"] = new JsonObject { ["ampliconseq-1.4.0"] = new JsonObject { ["input"] = "my samples.xlsx", ["outdir"] = "s3://bucket/out" } } };

        var problem = await (await gateway.Client.TriggerAsync(body, path: "/api/v1/workflows/amplicon_16s_survey/runs?dry_run=true")).ShouldBeProblemAsync(HttpStatusCode.BadRequest);

        var error = problem.GetProperty("errors").EnumerateArray().ShouldHaveSingleItem();
        error.GetProperty("pointer").GetString().ShouldBe("/input");
        error.GetProperty("message").GetString().ShouldBe("The samplesheet must be a CSV or TSV file whose name has no spaces, e.g. samplesheet.csv.");
        error.GetProperty("pattern").GetString().ShouldBe("^\\S+\\.(csv|tsv)$");
    }

    [Fact]
    public async Task TriggerRun_NextflowExample_DryRunRendersTheCommandLine()
    {
        await using var gateway = Gateway.Start(options => options.Emulator = WithDag("amplicon_16s_survey"));
        var body = new JsonObject { ["pipelines"] = new JsonObject { ["ampliconseq-1.4.0"] = new JsonObject { ["input"] = "samplesheet.csv", ["outdir"] = "s3://bucket/out" } } };

        var response = await (await gateway.Client.TriggerAsync(body, path: "/api/v1/workflows/amplicon_16s_survey/runs?dry_run=true")).ShouldBeJsonAsync();

        var entry = response.GetProperty("conf").GetProperty("pipelineConfigs")[0];
        entry.GetProperty("nextflowOptions").GetProperty("reference_database").GetString().ShouldBe("silva=138");
        (entry.GetProperty("nextflowOptionsCli").GetString() ?? string.Empty).ShouldContain("--input samplesheet.csv");
    }

    /// <summary>The example DAG fixtures plus a generated DAG for a manifest that has none, as <c>airgate dev</c> does.</summary>
    private static EmulatorOptions WithDag(string dagId) => new()
    {
        FixturesPath = Path.Combine(RepositoryPaths.Root, "examples", "emulator", "dags"),
        GeneratedDags = [new GeneratedDag(dagId, ["run_pipeline"], "Generated for a test.")],
    };
}
