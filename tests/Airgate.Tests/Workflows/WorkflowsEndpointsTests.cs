using System.Net;
using System.Text.Json;
using Airgate.Tests.Infrastructure;

namespace Airgate.Tests.Workflows;

public sealed class WorkflowsEndpointsTests
{
    [Fact]
    public async Task ListWorkflows_ExampleDags_EachHasItsParametersSource()
    {
        await using var gateway = Gateway.Start();

        var body = await (await gateway.Client.GetAsync("/api/v1/workflows")).ShouldBeJsonAsync();

        body.GetProperty("total_entries").GetInt64().ShouldBe(4);
        var sources = body.GetProperty("workflows").EnumerateArray()
            .ToDictionary(w => w.GetProperty("dag_id").GetString()!, w => w.GetProperty("parameters_source").GetString());
        sources.ShouldBe(new Dictionary<string, string?>
        {
            ["bactopia_amr_analysis"] = "pipelines",
            ["bactopia_species_screen"] = "pipelines",
            ["reference_download"] = "dag_params",
            ["nightly_cleanup"] = "none",
        }, ignoreOrder: true);
    }

    [Fact]
    public async Task ListWorkflows_ManifestWorkflow_ListsItsPipelinesInStageOrder()
    {
        await using var gateway = Gateway.Start();

        var body = await (await gateway.Client.GetAsync("/api/v1/workflows?dag_id_pattern=bactopia_amr%25")).ShouldBeJsonAsync();

        var workflow = body.GetProperty("workflows").EnumerateArray().Single();
        workflow.GetProperty("pipelines").EnumerateArray().Select(p => p.GetProperty("id").GetString())
            .ShouldBe(["fastqc-0.12.1", "bactopia-amrfinderplus-3.2.0"]);
        workflow.GetProperty("tags").EnumerateArray().Select(t => t.GetString()).ShouldBe(["amr", "bactopia"], ignoreOrder: true);
    }

    [Theory]
    [InlineData("paused=true", new[] { "nightly_cleanup" })]
    [InlineData("paused=false&tags=reference", new[] { "reference_download" })]
    [InlineData("tags=amr&tags=screening", new[] { "bactopia_amr_analysis", "bactopia_species_screen" })]
    [InlineData("dag_id_pattern=%25screen%25", new[] { "bactopia_species_screen" })]
    [InlineData("limit=1&offset=3", new[] { "reference_download" })]
    public async Task ListWorkflows_Filters_AreAppliedByAirflow(string query, string[] expected)
    {
        await using var gateway = Gateway.Start();

        var body = await (await gateway.Client.GetAsync($"/api/v1/workflows?{query}")).ShouldBeJsonAsync();

        body.GetProperty("workflows").EnumerateArray().Select(w => w.GetProperty("dag_id").GetString())
            .ShouldBe(expected, ignoreOrder: true);
    }

    [Fact]
    public async Task GetWorkflow_DagWithParams_ExposesParamsAsSchema()
    {
        await using var gateway = Gateway.Start();

        var body = await (await gateway.Client.GetAsync("/api/v1/workflows/reference_download")).ShouldBeJsonAsync();

        body.GetProperty("parameters_source").GetString().ShouldBe("dag_params");
        var properties = body.GetProperty("parameters_schema").GetProperty("properties");
        properties.GetProperty("accession").GetProperty("pattern").GetString().ShouldBe(@"^GC[AF]_[0-9]{9}\.[0-9]+$");
        properties.GetProperty("max_retries").GetProperty("default").GetInt32().ShouldBe(3);
    }

    [Fact]
    public async Task GetWorkflow_UnknownDag_Returns404Problem()
    {
        await using var gateway = Gateway.Start();

        var problem = await (await gateway.Client.GetAsync("/api/v1/workflows/no_such_dag")).ShouldBeProblemAsync(HttpStatusCode.NotFound);

        problem.GetProperty("detail").GetString()!.ShouldContain("no_such_dag");
    }

    [Fact]
    public async Task ListTasks_ManifestWorkflow_EveryRefResolvesInsideTheReturnedSchema()
    {
        await using var gateway = Gateway.Start();

        var body = await (await gateway.Client.GetAsync("/api/v1/workflows/bactopia_amr_analysis/tasks")).ShouldBeJsonAsync();

        var pipelines = body.GetProperty("pipelines").EnumerateArray().ToList();
        pipelines.Select(p => p.GetProperty("id").GetString()).ShouldBe(["fastqc-0.12.1", "bactopia-amrfinderplus-3.2.0"]);
        var refs = 0;
        foreach (var pipeline in pipelines)
        {
            var schema = pipeline.GetProperty("parameters_schema");
            foreach (var reference in JsonWalk.Refs(schema))
            {
                refs++;
                reference.ShouldStartWith("#", customMessage: "a resolved profile refers only inside itself");
                JsonWalk.ResolvePointer(schema, reference[1..]).ShouldNotBeNull($"{reference} in {pipeline.GetProperty("id")}");
            }
        }

        refs.ShouldBeGreaterThan(0, "the inheriting profile refers to its parent through $ref");
    }

    [Fact]
    public async Task ListTasks_ManifestWithTaskMapping_EachTaskListsItsProfiles()
    {
        await using var gateway = Gateway.Start();

        var body = await (await gateway.Client.GetAsync("/api/v1/workflows/bactopia_amr_analysis/tasks")).ShouldBeJsonAsync();

        var tasks = body.GetProperty("tasks").EnumerateArray().ToDictionary(
            t => t.GetProperty("task_id").GetString()!,
            t => t.GetProperty("pipelines").EnumerateArray().Select(p => p.GetProperty("id").GetString()).ToList());
        tasks["run_fastqc"].ShouldBe(["fastqc-0.12.1"]);
        tasks["run_amrfinderplus"].ShouldBe(["bactopia-amrfinderplus-3.2.0"]);
        tasks["prepare_samples"].ShouldBeEmpty();
        body.GetProperty("total_entries").GetInt32().ShouldBe(tasks.Count);
    }

    [Fact]
    public async Task GetTask_MappedTask_ReturnsItsProfiles()
    {
        await using var gateway = Gateway.Start();

        var body = await (await gateway.Client.GetAsync("/api/v1/workflows/bactopia_amr_analysis/tasks/run_amrfinderplus")).ShouldBeJsonAsync();

        body.GetProperty("task_id").GetString().ShouldBe("run_amrfinderplus");
        body.GetProperty("pipelines")[0].GetProperty("id").GetString().ShouldBe("bactopia-amrfinderplus-3.2.0");
    }

    [Fact]
    public async Task GetTask_UnknownTask_Returns404Problem()
    {
        await using var gateway = Gateway.Start();

        await (await gateway.Client.GetAsync("/api/v1/workflows/bactopia_amr_analysis/tasks/nope")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }
}
