using System.Text.Json;
using Airgate.Tests.Infrastructure;

namespace Airgate.Tests.Runs.Events;

public sealed class RunEventsOpenApiTests
{
    private static async Task<JsonElement> DocumentAsync()
    {
        await using var gateway = Gateway.Start();
        return await (await gateway.Client.GetAsync("/openapi/v1.json")).ShouldBeJsonAsync();
    }

    [Fact]
    public async Task OpenApi_RunEvents_TextEventStreamWithLastEventIdAndProblems()
    {
        var document = await DocumentAsync();

        var operation = document.GetProperty("paths").GetProperty("/api/v1/workflows/{dag_id}/runs/{dag_run_id}/events").GetProperty("get");

        operation.GetProperty("operationId").GetString().ShouldBe("StreamRunEvents");
        operation.GetProperty("responses").GetProperty("200").GetProperty("content").TryGetProperty("text/event-stream", out _).ShouldBeTrue();
        operation.GetProperty("parameters").EnumerateArray().ShouldContain(p => p.GetProperty("name").GetString() == "Last-Event-ID" && p.GetProperty("in").GetString() == "header");
        foreach (var status in new[] { "400", "404", "429", "502", "503", "504" })
        {
            operation.GetProperty("responses").GetProperty(status).GetProperty("content").TryGetProperty("application/problem+json", out _).ShouldBeTrue(status);
        }
    }

    [Fact]
    public async Task OpenApi_ListingEvents_TextEventStreamWithTheListingsFilters()
    {
        var document = await DocumentAsync();

        var operation = document.GetProperty("paths").GetProperty("/api/v1/workflows/{dag_id}/runs/events").GetProperty("get");

        operation.GetProperty("operationId").GetString().ShouldBe("StreamRunListEvents");
        operation.GetProperty("responses").GetProperty("200").GetProperty("content").TryGetProperty("text/event-stream", out _).ShouldBeTrue();
        var names = operation.GetProperty("parameters").EnumerateArray().Select(p => p.GetProperty("name").GetString()).ToList();
        names.ShouldContain("mine");
        names.ShouldContain("state");
        names.ShouldContain("user_name_pattern");
        names.ShouldNotContain("limit");
    }

    [Fact]
    public async Task OpenApi_EventPayloads_AreComponentSchemas()
    {
        var document = await DocumentAsync();

        var schemas = document.GetProperty("components").GetProperty("schemas");

        foreach (var name in new[] { "RunEventSnapshot", "RunEventRun", "RunEventTaskInstance", "RunEventSummary", "RunEventEnd", "RunEventError" })
        {
            schemas.TryGetProperty(name, out _).ShouldBeTrue(name);
        }

        var snapshot = schemas.GetProperty("RunEventSnapshot").GetProperty("properties");
        snapshot.TryGetProperty("run", out _).ShouldBeTrue();
        snapshot.TryGetProperty("task_instances", out _).ShouldBeTrue();
        snapshot.TryGetProperty("summary", out _).ShouldBeTrue();
        schemas.GetProperty("RunEventError").GetProperty("properties").TryGetProperty("status", out _).ShouldBeTrue();
        schemas.GetProperty("RunEventEnd").GetProperty("properties").TryGetProperty("state", out _).ShouldBeTrue();
    }
}
