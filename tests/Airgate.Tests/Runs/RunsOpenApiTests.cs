using Airgate.Tests.Infrastructure;

namespace Airgate.Tests.Runs;

public sealed class RunsOpenApiTests
{
    [Fact]
    public async Task OpenApi_RunRoutes_AreDescribedWithTheirMethods()
    {
        await using var gateway = Gateway.Start();

        var document = await (await gateway.Client.GetAsync("/openapi/v1.json")).ShouldBeJsonAsync();

        var paths = document.GetProperty("paths");
        var runs = paths.GetProperty("/api/v1/workflows/{dag_id}/runs");
        runs.TryGetProperty("get", out _).ShouldBeTrue();
        runs.GetProperty("post").GetProperty("requestBody").GetProperty("content").TryGetProperty("application/json", out _).ShouldBeTrue();
        paths.GetProperty("/api/v1/workflows/{dag_id}/runs/{dag_run_id}").TryGetProperty("patch", out _).ShouldBeTrue();
        paths.TryGetProperty("/api/v1/workflows/{dag_id}/runs/{dag_run_id}/tasks/{task_id}", out _).ShouldBeTrue();
    }

    [Fact]
    public async Task OpenApi_LogsRerunAndClear_DeclareTheirParametersBodiesAndAnswers()
    {
        await using var gateway = Gateway.Start();

        var document = await (await gateway.Client.GetAsync("/openapi/v1.json")).ShouldBeJsonAsync();

        var paths = document.GetProperty("paths");
        var logs = paths.GetProperty("/api/v1/workflows/{dag_id}/runs/{dag_run_id}/tasks/{task_id}/logs").GetProperty("get");
        logs.GetProperty("operationId").GetString().ShouldBe("GetTaskLog");
        logs.GetProperty("parameters").EnumerateArray().Select(p => p.GetProperty("name").GetString())
            .ShouldBe(["dag_id", "dag_run_id", "task_id", "try_number", "map_index", "continuation_token", "follow"], ignoreOrder: true);
        var logAnswers = logs.GetProperty("responses").GetProperty("200").GetProperty("content");
        logAnswers.EnumerateObject().Select(c => c.Name).ShouldBe(["application/json", "text/plain", "text/event-stream"], ignoreOrder: true);
        logs.GetProperty("responses").TryGetProperty("404", out _).ShouldBeTrue();
        var schemas = document.GetProperty("components").GetProperty("schemas");
        schemas.TryGetProperty("TaskLogEvent", out _).ShouldBeTrue();
        schemas.TryGetProperty("TaskLogEnd", out _).ShouldBeTrue();

        var rerun = paths.GetProperty("/api/v1/workflows/{dag_id}/runs/{dag_run_id}/rerun").GetProperty("post");
        rerun.GetProperty("operationId").GetString().ShouldBe("RerunRun");
        rerun.GetProperty("parameters").EnumerateArray().Select(p => p.GetProperty("name").GetString()).ShouldContain("Idempotency-Key");
        rerun.GetProperty("requestBody").GetProperty("content").TryGetProperty("application/json", out _).ShouldBeTrue();
        rerun.GetProperty("responses").EnumerateObject().Select(r => r.Name).ShouldContain("201");
        rerun.GetProperty("responses").EnumerateObject().Select(r => r.Name).ShouldContain("409");
        schemas.GetProperty("RunResponse").GetProperty("properties").TryGetProperty("rerun_of", out _).ShouldBeTrue();
        schemas.GetProperty("ParameterChange").GetProperty("properties").TryGetProperty("by", out _).ShouldBeTrue();
        schemas.GetProperty("RunPipeline").GetProperty("properties").TryGetProperty("schema_changed", out _).ShouldBeTrue();

        var clear = paths.GetProperty("/api/v1/workflows/{dag_id}/runs/{dag_run_id}/clear").GetProperty("post");
        clear.GetProperty("operationId").GetString().ShouldBe("ClearRun");
        clear.GetProperty("parameters").EnumerateArray().Select(p => p.GetProperty("name").GetString()).ShouldContain("dry_run");
        clear.GetProperty("responses").EnumerateObject().Select(r => r.Name).ShouldBe(["200", "400", "401", "403", "404", "408", "409", "413", "415", "502", "503", "504"], ignoreOrder: true);
    }
}
