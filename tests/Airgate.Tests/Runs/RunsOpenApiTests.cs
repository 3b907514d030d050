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
}
