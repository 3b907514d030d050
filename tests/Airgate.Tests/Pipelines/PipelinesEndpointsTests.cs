using System.Net;
using Airgate.Tests.Infrastructure;

namespace Airgate.Tests.Pipelines;

public sealed class PipelinesEndpointsTests
{
    [Fact]
    public async Task ListPipelines_ExampleRegistry_ReturnsNativeFormWhateverTheFileForm()
    {
        await using var gateway = Gateway.Start();

        var body = await (await gateway.Client.GetAsync("/api/v1/pipelines")).ShouldBeJsonAsync();

        body.GetProperty("total_entries").GetInt32().ShouldBe(5);
        var kraken = body.GetProperty("pipelines").EnumerateArray().Single(p => p.GetProperty("id").GetString() == "bactopia-kraken2-3.2.0");
        kraken.GetProperty("submission").GetProperty("encoding").GetString().ShouldBe("cli-string");
        kraken.GetProperty("submission").GetProperty("options_field").GetString().ShouldBe("nextflowOptions");
        kraken.GetProperty("parameters_schema").GetProperty("$defs").TryGetProperty("bactopia-base-3.2.0", out _).ShouldBeTrue();
        kraken.TryGetProperty("pipelineId", out _).ShouldBeFalse();
    }

    [Fact]
    public async Task ListPipelines_RunnableFilter_LeavesOutBaseProfiles()
    {
        await using var gateway = Gateway.Start();

        var body = await (await gateway.Client.GetAsync("/api/v1/pipelines?runnable=true")).ShouldBeJsonAsync();

        body.GetProperty("pipelines").EnumerateArray().Select(p => p.GetProperty("id").GetString()).ShouldNotContain("bactopia-base-3.2.0");
    }

    [Theory]
    [InlineData("bactopia-kraken2-3.2.0")]
    [InlineData("Bactopia%20Kraken2@3.2.0")]
    public async Task GetPipeline_ByIdOrNameAtVersion_ReturnsTheProfile(string reference)
    {
        await using var gateway = Gateway.Start();

        var body = await (await gateway.Client.GetAsync($"/api/v1/pipelines/{reference}")).ShouldBeJsonAsync();

        body.GetProperty("id").GetString().ShouldBe("bactopia-kraken2-3.2.0");
    }

    public static TheoryData<string, HttpStatusCode> UnknownOrHostileReferences => new()
    {
        { "nope", HttpStatusCode.NotFound },
        { "a%2Fb", HttpStatusCode.NotFound },
        { "%E2%80%AE", HttpStatusCode.NotFound },
        { new string('x', 301), HttpStatusCode.BadRequest },
    };

    [Theory]
    [MemberData(nameof(UnknownOrHostileReferences))]
    public async Task GetPipeline_UnknownOrHostileReference_Answers4xxProblem(string reference, HttpStatusCode expected)
    {
        await using var gateway = Gateway.Start();

        await (await gateway.Client.GetAsync($"/api/v1/pipelines/{reference}")).ShouldBeProblemAsync(expected);
    }

    [Fact]
    public async Task ListRegistryProblems_BrokenFile_IsListedAndTheRestStillServed()
    {
        var registry = Directory.CreateTempSubdirectory("airgate-registry-");
        try
        {
            await File.WriteAllTextAsync(Path.Combine(registry.FullName, "good.json"),
                """{"id": "good-1.0", "name": "Good", "version": "1.0", "parameters_schema": {"type": "object"}}""");
            await File.WriteAllTextAsync(Path.Combine(registry.FullName, "broken.json"), """{"id": "broken-1.0", """);
            await using var gateway = Gateway.Start(options => options.RegistryPath = registry.FullName);

            var problems = await (await gateway.Client.GetAsync("/api/v1/registry/problems")).ShouldBeJsonAsync();
            var pipelines = await (await gateway.Client.GetAsync("/api/v1/pipelines")).ShouldBeJsonAsync();

            problems.GetProperty("problems").EnumerateArray().Select(p => p.GetProperty("file").GetString()).ShouldBe(["broken.json"]);
            pipelines.GetProperty("pipelines").EnumerateArray().Select(p => p.GetProperty("id").GetString()).ShouldBe(["good-1.0"]);
        }
        finally
        {
            registry.Delete(recursive: true);
        }
    }
}
