using System.Text.Json;
using Airgate.Airflow.Models;
using Airgate.Testing.OpenApi;
using RichardSzalay.MockHttp;

namespace Airgate.Airflow.Tests.Contract;

/// <summary>The log and clear calls: requests conform to Airflow 3.2.1 and 3.0.2; bad values are refused before sending.</summary>
public sealed class LogsAndClearContractTests
{
    private static readonly TaskLogQuery Log = new()
    {
        DagId = "etl",
        DagRunId = "manual__2026-01-15T09:00:00+00:00",
        TaskId = "load.part",
        TryNumber = 2,
        MapIndex = 3,
        ContinuationToken = "eyJsb2dfcG9zIjo0fQ==",
    };

    private static async Task<(RecordedRequest Request, T Result)> SendOneAsync<T>(Func<IAirflowClient, Task<T>> call, string answer, string mediaType = "application/json")
    {
        using var host = AirflowTestHost.WithStaticToken(new() { ["Airgate:Airflow:MaxRetries"] = "0" });
        host.Mock.Fallback.Respond(mediaType, answer);

        var result = await call(host.Client);

        return (host.ApiRequests.ShouldHaveSingleItem(), result);
    }

    private static void ShouldConform(RecordedRequest request, string operationId)
    {
        foreach (var spec in new[] { Specs.V321, Specs.V302 })
        {
            var problems = spec.ValidateRequest(request);
            problems.ShouldBeEmpty($"Airflow {spec.Version}: {request.Method} {request.PathAndQuery} {request.Body}\n{string.Join("\n", problems)}");
            spec.FindOperation(request.Method.Method, request.Path).ShouldNotBeNull().OperationId.ShouldBe(operationId);
        }
    }

    [Fact]
    public async Task GetTaskLog_TryMapIndexAndToken_ConformsAndPassesTheTokenThrough()
    {
        var (request, result) = await SendOneAsync(
            c => c.GetTaskLogAsync(Log), """{"content": [{"event": "hello", "timestamp": "2026-01-15T09:00:00Z"}, "plain"], "continuation_token": "next"}""");

        ShouldConform(request, "get_log");
        request.PathAndQuery.ShouldBe("/api/v2/dags/etl/dagRuns/manual__2026-01-15T09%3A00%3A00%2B00%3A00/taskInstances/load.part/logs/2?map_index=3&token=eyJsb2dfcG9zIjo0fQ%3D%3D");
        result.Value!.ContinuationToken.ShouldBe("next");
        result.Value!.Content.Select(e => e.ValueKind).ShouldBe([JsonValueKind.Object, JsonValueKind.String]);
    }

    [Fact]
    public async Task OpenTaskLog_Ndjson_ConformsAndReadsEntriesLineByLine()
    {
        var (request, result) = await SendOneAsync(
            c => c.OpenTaskLogAsync(Log), "{\"event\": \"a\"}\n{\"event\": \"b\"}\nnot json\n", "application/x-ndjson");

        ShouldConform(request, "get_log");
        request.PathAndQuery.ShouldNotContain("token=");
        await using var log = result.Value!;
        var entries = new List<JsonElement>();
        await foreach (var entry in log.ReadEntriesAsync())
        {
            entries.Add(entry);
        }

        entries.Select(e => e.ValueKind == JsonValueKind.Object ? e.GetProperty("event").GetString() : e.GetString()).ShouldBe(["a", "b", "not json"]);
    }

    [Fact]
    public async Task ClearTaskInstances_Request_ConformsToBothSpecs()
    {
        var (request, result) = await SendOneAsync(
            c => c.ClearTaskInstancesAsync("etl", new ClearTaskInstancesRequest { DagRunId = "run+1", OnlyFailed = false, DryRun = false }),
            """{"task_instances": [], "total_entries": 0}""");

        ShouldConform(request, "post_clear_task_instances");
        var body = JsonDocument.Parse(request.Body!).RootElement;
        body.GetProperty("dag_run_id").GetString().ShouldBe("run+1");
        body.GetProperty("only_failed").GetBoolean().ShouldBeFalse();
        body.GetProperty("dry_run").GetBoolean().ShouldBeFalse();
        body.GetProperty("reset_dag_runs").GetBoolean().ShouldBeTrue();
        result.Value!.ShouldBeEmpty();
    }

    [Theory]
    [InlineData(0, -1, null)]
    [InlineData(-1, -1, null)]
    [InlineData(1, -2, null)]
    [InlineData(1, -1, "bad\u0000token")]
    public async Task GetTaskLog_ValuesAirflowWouldRefuse_RejectedWithoutSending(int tryNumber, int mapIndex, string? token)
    {
        using var host = AirflowTestHost.WithStaticToken();

        var json = await host.Client.GetTaskLogAsync(Log with { TryNumber = tryNumber, MapIndex = mapIndex, ContinuationToken = token });
        var stream = await host.Client.OpenTaskLogAsync(Log with { TryNumber = tryNumber, MapIndex = mapIndex, ContinuationToken = token, TaskId = token is null ? "t" : "bad\u0001" });

        json.Failure.ShouldNotBeNull().Error.ShouldBe(AirflowError.Rejected);
        stream.Failure.ShouldNotBeNull().Error.ShouldBe(AirflowError.Rejected);
        host.ApiRequests.ShouldBeEmpty();
    }

    [Fact]
    public async Task OpenTaskLog_NotFound_IsAFailureAndNothingIsLeftOpen()
    {
        using var host = AirflowTestHost.WithStaticToken(new() { ["Airgate:Airflow:MaxRetries"] = "0" });
        host.Mock.Fallback.Respond(System.Net.HttpStatusCode.NotFound, "application/json", """{"detail": "TaskInstance not found"}""");

        var result = await host.Client.OpenTaskLogAsync(Log);

        result.Failure.ShouldNotBeNull().Error.ShouldBe(AirflowError.NotFound);
    }
}
