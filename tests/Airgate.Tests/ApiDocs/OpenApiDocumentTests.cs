using System.Text.Json;
using Airgate.Core.Runs;
using Airgate.Tests.Infrastructure;

namespace Airgate.Tests.ApiDocs;

public sealed class OpenApiDocumentTests
{
    private static async Task<JsonElement> DocumentAsync()
    {
        await using var gateway = Gateway.Start();
        return await (await gateway.Client.GetAsync("/openapi/v1.json")).ShouldBeJsonAsync();
    }

    private static JsonElement Operation(JsonElement document, string path, string method) =>
        document.GetProperty("paths").GetProperty(path).GetProperty(method);

    private static JsonElement Parameter(JsonElement operation, string name) =>
        operation.GetProperty("parameters").EnumerateArray().Single(p => p.GetProperty("name").GetString() == name);

    [Fact]
    public async Task OpenApi_ListRuns_DeclaresEveryQueryParameterWithTypeBoundsDefaultAndEnum()
    {
        var document = await DocumentAsync();
        var operation = Operation(document, "/api/v1/workflows/{dag_id}/runs", "get");

        var limit = Parameter(operation, "limit").GetProperty("schema");
        limit.GetProperty("type").GetString().ShouldBe("integer");
        limit.GetProperty("minimum").GetInt32().ShouldBe(1);
        limit.GetProperty("maximum").GetInt32().ShouldBe(RunQuery.MaxLimit);
        limit.GetProperty("default").GetInt32().ShouldBe(50);
        var state = Parameter(operation, "state").GetProperty("schema");
        state.GetProperty("type").GetString().ShouldBe("array");
        state.GetProperty("items").GetProperty("enum").EnumerateArray().Select(e => e.GetString()).ShouldBe(["queued", "running", "success", "failed"]);
        Parameter(operation, "mine").GetProperty("schema").GetProperty("default").GetBoolean().ShouldBeFalse();
        Parameter(operation, "user_name_pattern").GetProperty("description").GetString().ShouldNotBeNullOrWhiteSpace();
        Parameter(operation, "If-None-Match").GetProperty("in").GetString().ShouldBe("header");
    }

    [Fact]
    public async Task OpenApi_OrderByEnum_IsEveryFieldBothWays()
    {
        var document = await DocumentAsync();

        var values = Parameter(Operation(document, "/api/v1/workflows/{dag_id}/runs", "get"), "order_by")
            .GetProperty("schema").GetProperty("enum").EnumerateArray().Select(e => e.GetString()).ToHashSet();

        values.ShouldBe(RunOrderBy.AllowedFields.SelectMany(f => new[] { f, "-" + f }).ToHashSet(), ignoreOrder: true);
    }

    [Fact]
    public async Task OpenApi_TriggerRun_DeclaresBodyHeadersAndEveryProblemStatus()
    {
        var document = await DocumentAsync();
        var operation = Operation(document, "/api/v1/workflows/{dag_id}/runs", "post");

        Parameter(operation, "Idempotency-Key").GetProperty("in").GetString().ShouldBe("header");
        Parameter(operation, "dry_run").GetProperty("schema").GetProperty("type").GetString().ShouldBe("boolean");
        operation.GetProperty("requestBody").GetProperty("content").GetProperty("application/json").GetProperty("schema")
            .GetProperty("$ref").GetString().ShouldBe("#/components/schemas/TriggerRunBody");
        var body = document.GetProperty("components").GetProperty("schemas").GetProperty("TriggerRunBody").GetProperty("properties");
        body.TryGetProperty("pipelines", out _).ShouldBeTrue();
        body.TryGetProperty("pipelineConfigs", out _).ShouldBeTrue();
        body.TryGetProperty("params", out _).ShouldBeTrue();
        var responses = operation.GetProperty("responses");
        foreach (var status in new[] { "400", "401", "404", "409", "413", "415", "422", "502", "503", "504" })
        {
            responses.GetProperty(status).GetProperty("content").GetProperty("application/problem+json").GetProperty("schema")
                .GetProperty("$ref").GetString().ShouldBe("#/components/schemas/Problem", status);
        }

        responses.GetProperty("201").GetProperty("headers").TryGetProperty("Location", out _).ShouldBeTrue();
        responses.GetProperty("200").GetProperty("headers").TryGetProperty("Idempotent-Replayed", out _).ShouldBeTrue();
        responses.GetProperty("503").GetProperty("headers").TryGetProperty("Retry-After", out _).ShouldBeTrue();
    }

    [Fact]
    public async Task OpenApi_StopRun_BodyIsOptionalWithStateEnum()
    {
        var document = await DocumentAsync();
        var operation = Operation(document, "/api/v1/workflows/{dag_id}/runs/{dag_run_id}", "patch");

        (operation.GetProperty("requestBody").TryGetProperty("required", out var required) && required.GetBoolean()).ShouldBeFalse();
        document.GetProperty("components").GetProperty("schemas").GetProperty("StopState").GetProperty("enum")
            .EnumerateArray().Select(e => e.GetString()).ShouldBe(["failed", "success"]);
        operation.GetProperty("responses").TryGetProperty("403", out _).ShouldBeTrue();
    }

    [Fact]
    public async Task OpenApi_ProblemSchema_TypesItsErrors()
    {
        var document = await DocumentAsync();

        var schemas = document.GetProperty("components").GetProperty("schemas");
        schemas.GetProperty("Problem").GetProperty("properties").GetProperty("errors").GetProperty("items")
            .GetProperty("$ref").GetString().ShouldBe("#/components/schemas/ProblemError");
        var error = schemas.GetProperty("ProblemError").GetProperty("properties");
        foreach (var field in new[] { "parameter", "pipeline", "pointer", "keyword", "message" })
        {
            error.TryGetProperty(field, out _).ShouldBeTrue(field);
        }
    }

    [Fact]
    public async Task OpenApi_Document_HasSecuritySchemesHealthRoutesAndStableOperationIds()
    {
        var document = await DocumentAsync();

        document.GetProperty("components").GetProperty("securitySchemes").EnumerateObject().Count().ShouldBe(3);
        Operation(document, "/health/live", "get").GetProperty("operationId").GetString().ShouldBe("HealthLive");
        Operation(document, "/health/ready", "get").GetProperty("security").GetArrayLength().ShouldBe(0);
        Operation(document, "/api/v1/workflows", "get").GetProperty("security").GetArrayLength().ShouldBe(3);
        var operationIds = document.GetProperty("paths").EnumerateObject()
            .SelectMany(p => p.Value.EnumerateObject()).Select(o => o.Value.GetProperty("operationId").GetString()).ToList();
        operationIds.ShouldAllBe(id => !string.IsNullOrEmpty(id));
        operationIds.ShouldBeUnique();
    }

    [Fact]
    public async Task OpenApi_Document_DeclaresMetricsAsAnonymousPrometheusText()
    {
        var document = await DocumentAsync();

        var metrics = Operation(document, "/metrics", "get");
        metrics.GetProperty("operationId").GetString().ShouldBe("GetMetrics");
        metrics.GetProperty("security").GetArrayLength().ShouldBe(0);
        metrics.GetProperty("responses").GetProperty("200").GetProperty("content").TryGetProperty("text/plain", out _).ShouldBeTrue();
    }

    [Fact]
    public async Task OpenApi_Schemas_UsePlainIntegersAndNoNullThatMatchesTwice()
    {
        var document = await DocumentAsync();

        var text = document.GetRawText();
        text.ShouldNotContain("\"integer\",\"string\"");
        text.ShouldNotContain("\"number\",\"string\"");
        foreach (var schema in Descendants(document).Where(e => e.ValueKind == JsonValueKind.Object && e.TryGetProperty("oneOf", out _)))
        {
            schema.GetProperty("oneOf").EnumerateArray()
                .Count(s => s.TryGetProperty("$ref", out var r) && r.GetString() is "#/components/schemas/JsonElement" or "#/components/schemas/JsonNode")
                .ShouldBe(0);
        }
    }

    private static IEnumerable<JsonElement> Descendants(JsonElement element)
    {
        yield return element;
        var children = element.ValueKind switch
        {
            JsonValueKind.Object => element.EnumerateObject().Select(p => p.Value),
            JsonValueKind.Array => element.EnumerateArray(),
            _ => [],
        };
        foreach (var descendant in children.SelectMany(Descendants))
        {
            yield return descendant;
        }
    }
}
