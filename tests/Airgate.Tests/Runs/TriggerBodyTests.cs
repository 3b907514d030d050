using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Airgate.Tests.Infrastructure;

namespace Airgate.Tests.Runs;

/// <summary>Every malformed trigger body is a 4xx problem that names what is wrong, and nothing reaches Airflow.</summary>
public sealed class TriggerBodyTests
{
    public static TheoryData<string, string, string> SchemaViolations => new()
    {
        { "required", "kraken2_db", "{\"remove\": true}" },
        { "type", "max_cpus", "\"four\"" },
        { "minimum", "min_confidence", "-1" },
        { "pattern", "outdir", "\"relative/path\"" },
        { "enum", "bracken_level", "\"X\"" },
        { "const", "wf", "\"bakta\"" },
        { "unevaluatedProperties", "bogus", "1" },
    };

    [Theory]
    [MemberData(nameof(SchemaViolations))]
    public async Task TriggerRun_ParameterViolatesKeyword_Returns400NamingIt(string keyword, string field, string value)
    {
        await using var gateway = Gateway.Start();
        var body = RunBodies.ValidScreen();
        var parameters = body["pipelines"]![RunBodies.Kraken]!.AsObject();
        if (value.Contains("remove", StringComparison.Ordinal))
        {
            parameters.Remove(field);
        }
        else
        {
            parameters[field] = JsonNode.Parse(value);
        }

        var problem = await (await gateway.Client.TriggerAsync(body)).ShouldBeProblemAsync(HttpStatusCode.BadRequest);

        problem.GetProperty("type").GetString().ShouldBe("https://airgate.dev/problems/invalid-parameters");
        var error = problem.GetProperty("errors").EnumerateArray().ShouldHaveSingleItem();
        error.GetProperty("keyword").GetString().ShouldBe(keyword);
        error.GetProperty("pipeline").GetString().ShouldBe(RunBodies.Kraken);
        error.GetProperty("message").GetString().ShouldNotBeNullOrWhiteSpace();
        error.GetProperty("pointer").GetString().ShouldNotBeNull();
        gateway.Emulator.TriggerPosts().ShouldBe(0);
    }

    [Fact]
    public async Task TriggerRun_ManyViolations_AllReturnedAtOnce()
    {
        await using var gateway = Gateway.Start();
        var body = RunBodies.ValidScreen();
        var parameters = body["pipelines"]![RunBodies.Kraken]!.AsObject();
        parameters.Remove("kraken2_db");
        parameters["max_cpus"] = 0;
        parameters["outdir"] = "relative";
        parameters["bracken_level"] = "X";

        var problem = await (await gateway.Client.TriggerAsync(body)).ShouldBeProblemAsync(HttpStatusCode.BadRequest);

        problem.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("keyword").GetString())
            .ShouldBe(["required", "minimum", "pattern", "enum"], ignoreOrder: true);
    }

    public static TheoryData<string, string> BadShapes => new()
    {
        { "{\"pipelines\": {\"no-such-pipeline-1.0\": {}}}", "unknown_pipeline" },
        { "{\"pipelines\": {\"fastqc-0.12.1\": {}}}", "not_in_workflow" },
        { "{\"pipelines\": [1, 2]}", "type" },
        { "{\"pipelines\": {\"bactopia-kraken2-3.2.0\": 5}}", "type" },
        { "{\"pipelines\": {}, \"colour\": \"red\"}", "unknown_field" },
        { "{\"pipelines\": {}}", "required" },
    };

    [Theory]
    [MemberData(nameof(BadShapes))]
    public async Task TriggerRun_WrongShape_Returns400WithKeyword(string body, string keyword)
    {
        await using var gateway = Gateway.Start();

        var problem = await (await gateway.Client.PostAsync(RunBodies.ScreenRuns, RunBodies.Json(body))).ShouldBeProblemAsync(HttpStatusCode.BadRequest);

        problem.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("keyword").GetString()).ShouldContain(keyword);
        gateway.Emulator.TriggerPosts().ShouldBe(0);
    }

    [Theory]
    [InlineData("")]
    [InlineData("not json")]
    [InlineData("{\"pipelines\": ")]
    [InlineData("[1, 2]")]
    [InlineData("\"text\"")]
    [InlineData("null")]
    public async Task TriggerRun_NotAJsonObject_Returns400(string body)
    {
        await using var gateway = Gateway.Start();

        var problem = await (await gateway.Client.PostAsync(RunBodies.ScreenRuns, RunBodies.Json(body))).ShouldBeProblemAsync(HttpStatusCode.BadRequest);

        problem.GetProperty("detail").GetString().ShouldNotBeNullOrWhiteSpace();
        gateway.Emulator.TriggerPosts().ShouldBe(0);
    }

    [Fact]
    public async Task TriggerRun_HugeBody_Returns413()
    {
        await using var gateway = Gateway.Start();
        var body = "{\"note\": \"" + new string('x', 2 * 1024 * 1024) + "\"}";

        await (await gateway.Client.PostAsync(RunBodies.ScreenRuns, RunBodies.Json(body))).ShouldBeProblemAsync(HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task TriggerRun_DeeplyNested_Returns400()
    {
        await using var gateway = Gateway.Start();
        var body = new StringBuilder("{\"pipelines\": ").Append('[', 500).Append(']', 500).Append('}').ToString();

        var problem = await (await gateway.Client.PostAsync(RunBodies.ScreenRuns, RunBodies.Json(body))).ShouldBeProblemAsync(HttpStatusCode.BadRequest);

        problem.GetProperty("detail").GetString()!.ShouldContain("nested");
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/x-www-form-urlencoded")]
    [InlineData("application/xml")]
    public async Task TriggerRun_WrongContentType_Returns415(string mediaType)
    {
        await using var gateway = Gateway.Start();

        var content = new StringContent(RunBodies.ValidScreen().ToJsonString(), Encoding.UTF8, mediaType);
        await (await gateway.Client.PostAsync(RunBodies.ScreenRuns, content)).ShouldBeProblemAsync(HttpStatusCode.UnsupportedMediaType);

        gateway.Emulator.TriggerPosts().ShouldBe(0);
    }
}
