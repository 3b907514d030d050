using System.Net;
using System.Text.Json.Nodes;
using Airgate.Airflow.Models;
using Airgate.Testing.OpenApi;
using RichardSzalay.MockHttp;

namespace Airgate.Airflow.Tests.Contract;

/// <summary>Every request the client sends conforms to Airflow 3.2.1's spec and exists, with its parameters, in 3.0.2.</summary>
public sealed class ClientContractTests
{
    private static async Task<RecordedRequest> SendOneAsync(Func<IAirflowClient, Task> call, string answer)
    {
        using var host = AirflowTestHost.WithStaticToken(new() { ["Airgate:Airflow:MaxRetries"] = "0" });
        host.Mock.Fallback.Respond("application/json", answer);

        await call(host.Client);

        return host.ApiRequests.ShouldHaveSingleItem();
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
    public async Task GetVersion_Request_ConformsToBothSpecs() =>
        ShouldConform(await SendOneAsync(c => c.GetVersionAsync(), AirflowSamples.Version), "get_version");

    [Fact]
    public async Task GetHealth_Request_ConformsToBothSpecs() =>
        ShouldConform(await SendOneAsync(c => c.GetHealthAsync(), AirflowSamples.Health), "get_health");

    [Fact]
    public async Task ListDags_EveryFilter_ConformsToBothSpecs() =>
        ShouldConform(
            await SendOneAsync(c => c.ListDagsAsync(new DagQuery { Limit = 25, Offset = 50, Paused = true, Tags = ["a", "b c"], DagIdPattern = "etl_%" }), AirflowSamples.DagPage([], 0)),
            "get_dags");

    [Fact]
    public async Task ListAllDags_Request_ConformsToBothSpecs() =>
        ShouldConform(await SendOneAsync(c => c.ListAllDagsAsync(new DagQuery { Paused = false }), AirflowSamples.DagPage(["a"], 1)), "get_dags");

    [Fact]
    public async Task GetDag_Request_ConformsToBothSpecs() =>
        ShouldConform(await SendOneAsync(c => c.GetDagAsync("etl.daily"), AirflowSamples.Dag("etl.daily")), "get_dag");

    [Fact]
    public async Task GetDagDetails_Request_ConformsToBothSpecs() =>
        ShouldConform(await SendOneAsync(c => c.GetDagDetailsAsync("etl"), AirflowSamples.DagDetails("etl")), "get_dag_details");

    [Fact]
    public async Task ListTasks_Request_ConformsToBothSpecs() =>
        ShouldConform(await SendOneAsync(c => c.ListTasksAsync("etl"), """{"tasks":[],"total_entries":0}"""), "get_tasks");

    [Fact]
    public async Task GetTask_Request_ConformsToBothSpecs() =>
        ShouldConform(await SendOneAsync(c => c.GetTaskAsync("etl", "extract"), AirflowSamples.Task("extract")), "get_task");

    [Fact]
    public async Task TriggerDagRun_AllFields_ConformsToBothSpecs()
    {
        var request = await SendOneAsync(
            c => c.TriggerDagRunAsync("etl", new TriggerDagRunRequest
            {
                DagRunId = "manual__2025-10-02T12:00:00+00:00",
                LogicalDate = new DateTimeOffset(2025, 10, 2, 12, 0, 0, TimeSpan.Zero),
                Conf = new JsonObject { ["n"] = 3, ["nested"] = new JsonObject { ["x"] = new JsonArray(1, 2) } },
                Note = "from the gateway",
            }),
            AirflowSamples.DagRun("etl", "r1"));

        ShouldConform(request, "trigger_dag_run");
        var body = JsonNode.Parse(request.Body ?? "null").ShouldBeOfType<JsonObject>();
        body.Select(p => p.Key).Order().ShouldBe(["conf", "dag_run_id", "logical_date", "note"]);
        body["logical_date"]?.GetValue<string>().ShouldBe("2025-10-02T12:00:00+00:00");
    }

    [Fact]
    public async Task TriggerDagRun_Minimal_SendsNullLogicalDateAndNothingUnknown()
    {
        var request = await SendOneAsync(c => c.TriggerDagRunAsync("etl", new TriggerDagRunRequest { Conf = [] }), AirflowSamples.DagRun("etl", "r1"));

        ShouldConform(request, "trigger_dag_run");
        request.Body.ShouldBe("""{"logical_date":null,"conf":{}}""");
        request.Headers["Content-Type"].ShouldStartWith("application/json");
    }

    [Fact]
    public async Task TriggerDagRun_RunIdOutsideAirflowPattern_RejectedWithoutSending()
    {
        using var host = AirflowTestHost.WithStaticToken();

        var result = await host.Client.TriggerDagRunAsync("etl", new TriggerDagRunRequest { DagRunId = "run with spaces", Conf = [] });

        result.Failure.ShouldNotBeNull().Error.ShouldBe(AirflowError.Rejected);
        host.Recorder.Requests.ShouldBeEmpty();
    }

    [Fact]
    public async Task ListDagRuns_EveryFilter_ConformsToBothSpecs() =>
        ShouldConform(
            await SendOneAsync(c => c.ListDagRunsAsync("~", new DagRunQuery { Limit = 10, Offset = 20, States = ["queued", "running"], OrderBy = "-run_after" }), """{"dag_runs":[],"total_entries":0}"""),
            "get_dag_runs");

    [Fact]
    public async Task GetDagRun_Request_ConformsToBothSpecs() =>
        ShouldConform(await SendOneAsync(c => c.GetDagRunAsync("etl", "manual__2025-10-02T12:00:00+00:00"), AirflowSamples.DagRun("etl", "r1")), "get_dag_run");

    [Fact]
    public async Task PatchDagRun_StateOnly_SendsOnlyStateAndItsMask()
    {
        var request = await SendOneAsync(c => c.PatchDagRunAsync("etl", "r1", new DagRunPatch { State = "failed" }, null), AirflowSamples.DagRun("etl", "r1", "failed"));

        ShouldConform(request, "patch_dag_run");
        request.Body.ShouldBe("""{"state":"failed"}""");
        request.Uri.Query.ShouldBe("?update_mask=state");
    }

    [Fact]
    public async Task PatchDagRun_BothFieldsAndMask_SendsMaskRepeated()
    {
        var request = await SendOneAsync(
            c => c.PatchDagRunAsync("etl", "r1", new DagRunPatch { State = "success", Note = "done" }, ["state", "note"]),
            AirflowSamples.DagRun("etl", "r1", "success"));

        ShouldConform(request, "patch_dag_run");
        request.Body.ShouldBe("""{"state":"success","note":"done"}""");
        request.Uri.Query.ShouldBe("?update_mask=state&update_mask=note");
    }

    [Theory]
    [InlineData("cancelled", null)]
    [InlineData(null, "colour")]
    [InlineData(null, "")]
    public async Task PatchDagRun_StateOrMaskAirflowDoesNotKnow_RejectedWithoutSending(string? state, string? maskField)
    {
        using var host = AirflowTestHost.WithStaticToken();

        var result = await host.Client.PatchDagRunAsync("etl", "r1", new DagRunPatch { State = state }, maskField is null ? null : [maskField]);

        result.Failure.ShouldNotBeNull().Error.ShouldBe(AirflowError.Rejected);
        host.Recorder.Requests.ShouldBeEmpty();
    }

    [Fact]
    public async Task PatchDagRun_NothingGiven_RejectedWithoutSending()
    {
        using var host = AirflowTestHost.WithStaticToken();

        var result = await host.Client.PatchDagRunAsync("etl", "r1", new DagRunPatch(), null);

        result.Failure.ShouldNotBeNull().Error.ShouldBe(AirflowError.Rejected);
        host.Recorder.Requests.ShouldBeEmpty();
    }

    [Fact]
    public async Task ListAllTaskInstances_WithTask_ConformsToBothSpecs() =>
        ShouldConform(
            await SendOneAsync(c => c.ListAllTaskInstancesAsync("etl", "manual__2025-10-02T12:00:00+00:00", "extract"), AirflowSamples.TaskInstancePage([], 0)),
            "get_task_instances");

    [Fact]
    public async Task ListAllTaskInstances_AllRuns_ConformsToBothSpecs() =>
        ShouldConform(await SendOneAsync(c => c.ListAllTaskInstancesAsync("~", "~"), AirflowSamples.TaskInstancePage([], 0)), "get_task_instances");

    [Fact]
    public void Checker_RequestWithUnknownQuery_WouldFailThisSuite()
    {
        // Proves ShouldConform can fail: a request the client must never make.
        var problems = Specs.V302.ValidateRequest("GET", "/api/v2/dags/~/dagRuns?triggering_user_name_pattern=x", null);

        problems.ShouldHaveSingleItem().ShouldContain("triggering_user_name_pattern");
    }
}
