using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Airgate.Airflow.Models;
using Airgate.Airflow.Tests.Contract;
using Airgate.Testing.OpenApi;
using RichardSzalay.MockHttp;

namespace Airgate.Airflow.Tests.V1;

/// <summary>Every request the client sends over <c>/api/v1</c> conforms to Airflow 2.10.0's spec, with basic auth.</summary>
public sealed class V1ContractTests
{
    internal static AirflowTestHost V1Host(Dictionary<string, string?>? settings = null)
    {
        var values = new Dictionary<string, string?> { ["Airgate:Airflow:ApiVersion"] = "v1", ["Airgate:Airflow:MaxRetries"] = "0" };
        foreach (var (key, value) in settings ?? [])
        {
            values[key] = value;
        }

        return new AirflowTestHost(values);
    }

    private static async Task<RecordedRequest> SendOneAsync(Func<IAirflowClient, Task> call, string answer)
    {
        using var host = V1Host();
        host.Mock.Fallback.Respond("application/json", answer);

        await call(host.Client);

        host.Logins.ShouldBeEmpty();
        return host.V1Requests.ShouldHaveSingleItem();
    }

    internal static void ShouldConform(RecordedRequest request, string operationId)
    {
        var problems = Specs.V2100.ValidateRequest(request);
        problems.ShouldBeEmpty($"Airflow 2.10.0: {request.Method} {request.PathAndQuery} {request.Body}\n{string.Join("\n", problems)}");
        Specs.V2100.FindOperation(request.Method.Method, request.Path).ShouldNotBeNull().OperationId.ShouldBe(operationId);
        request.Headers["Authorization"].ShouldBe("Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{AirflowTestHost.Username}:{AirflowTestHost.Password}")));
    }

    [Fact]
    public async Task GetVersion_Request_Conforms() =>
        ShouldConform(await SendOneAsync(c => c.GetVersionAsync(), V1Samples.Version), "get_version");

    [Fact]
    public async Task GetHealth_Request_ConformsAndReadsHealth()
    {
        using var host = V1Host();
        host.Mock.Fallback.Respond("application/json", V1Samples.Health);

        var health = await host.Client.GetHealthAsync();

        health.Value.ShouldNotBeNull().Metadatabase.ShouldNotBeNull().Status.ShouldBe("healthy");
        ShouldConform(host.V1Requests.ShouldHaveSingleItem(), "get_health");
    }

    [Fact]
    public async Task ListDags_EveryFilter_Conforms() =>
        ShouldConform(
            await SendOneAsync(c => c.ListDagsAsync(new DagQuery { Limit = 25, Offset = 50, Paused = true, Tags = ["a", "b c"], DagIdPattern = "etl_%" }), V1Samples.DagPage([], 0)),
            "get_dags");

    [Fact]
    public async Task GetDag_Request_Conforms() =>
        ShouldConform(await SendOneAsync(c => c.GetDagAsync("etl.daily"), V1Samples.Dag("etl.daily")), "get_dag");

    [Fact]
    public async Task GetDagDetails_Request_Conforms() =>
        ShouldConform(await SendOneAsync(c => c.GetDagDetailsAsync("etl"), V1Samples.DagDetails("etl")), "get_dag_details");

    [Fact]
    public async Task ListTasks_Request_Conforms() =>
        ShouldConform(await SendOneAsync(c => c.ListTasksAsync("etl"), """{"tasks":[]}"""), "get_tasks");

    [Fact]
    public async Task GetTask_Request_Conforms() =>
        ShouldConform(await SendOneAsync(c => c.GetTaskAsync("etl", "extract"), V1Samples.Task("extract")), "get_task");

    [Fact]
    public async Task TriggerDagRun_AllFields_SendsLogicalDateAndConforms()
    {
        var request = await SendOneAsync(
            c => c.TriggerDagRunAsync("etl", new TriggerDagRunRequest
            {
                DagRunId = "airgate__20251002T120000_0123456789ab",
                LogicalDate = new DateTimeOffset(2025, 10, 2, 12, 0, 0, TimeSpan.Zero),
                Conf = new JsonObject { ["n"] = 3 },
                Note = "from the gateway",
            }),
            V1Samples.DagRun("etl", "airgate__20251002T120000_0123456789ab"));

        ShouldConform(request, "post_dag_run");
        var body = JsonNode.Parse(request.Body ?? "null").ShouldBeOfType<JsonObject>();
        body.Select(p => p.Key).Order().ShouldBe(["conf", "dag_run_id", "logical_date", "note"]);
    }

    [Fact]
    public async Task TriggerDagRun_NoLogicalDate_LeavesItOutForAirflow2ToFill()
    {
        // Airflow 2 reads a null logical_date as a date it cannot parse; left out, it takes the time of the request.
        var request = await SendOneAsync(c => c.TriggerDagRunAsync("etl", new TriggerDagRunRequest { DagRunId = "r1", Conf = [] }), V1Samples.DagRun("etl", "r1"));

        ShouldConform(request, "post_dag_run");
        request.Body.ShouldBe("""{"dag_run_id":"r1","conf":{}}""");
    }

    [Fact]
    public async Task ListDagRuns_MirrorSync_UsesV1FiltersAndConforms()
    {
        var request = await SendOneAsync(
            c => c.ListDagRunsAsync("~", new DagRunQuery { Limit = 100, Offset = 200, OrderBy = "id", UpdatedAtGte = new DateTimeOffset(2025, 10, 2, 12, 0, 0, TimeSpan.Zero), States = ["queued", "running"] }),
            V1Samples.RunPage([], 0));

        ShouldConform(request, "get_dag_runs");
        request.Uri.Query.ShouldBe("?limit=100&offset=200&state=queued&state=running&order_by=id&updated_at_gte=2025-10-02T12%3A00%3A00.000000Z");
    }

    [Theory]
    [InlineData("-run_after", "-execution_date")]
    [InlineData("logical_date", "execution_date")]
    [InlineData("-id", "-id")]
    [InlineData("run_id", "dag_run_id")]
    public async Task ListDagRuns_OrderBy_MappedToAirflow2Names(string orderBy, string sent)
    {
        var request = await SendOneAsync(c => c.ListDagRunsAsync("etl", new DagRunQuery { OrderBy = orderBy }), V1Samples.RunPage([], 0));

        ShouldConform(request, "get_dag_runs");
        request.Uri.Query.ShouldContain($"order_by={sent}");
    }

    [Fact]
    public async Task ListDagRuns_OrderAirflow2CannotSort_RejectedWithoutSending()
    {
        using var host = V1Host();

        var result = await host.Client.ListDagRunsAsync("etl", new DagRunQuery { OrderBy = "-duration" });

        result.Failure.ShouldNotBeNull().Error.ShouldBe(AirflowError.Rejected);
        result.Failure.Detail.ShouldContain("Airflow 2");
        host.Recorder.Requests.ShouldBeEmpty();
    }

    [Fact]
    public async Task GetDagRun_Request_Conforms() =>
        ShouldConform(await SendOneAsync(c => c.GetDagRunAsync("etl", "manual__2025-10-02T12:00:00+00:00"), V1Samples.DagRun("etl", "r1")), "get_dag_run");

    [Fact]
    public async Task PatchDagRun_StateOnly_OneCallWithoutMask()
    {
        var request = await SendOneAsync(c => c.PatchDagRunAsync("etl", "r1", new DagRunPatch { State = "failed" }, null), V1Samples.DagRun("etl", "r1", "failed"));

        ShouldConform(request, "update_dag_run_state");
        request.Body.ShouldBe("""{"state":"failed"}""");
        request.Uri.Query.ShouldBeEmpty();
    }

    [Fact]
    public async Task PatchDagRun_StateAndNote_StateThenSetNote()
    {
        using var host = V1Host();
        host.Mock.Fallback.Respond("application/json", V1Samples.DagRun("etl", "r1", "failed"));

        var result = await host.Client.PatchDagRunAsync("etl", "r1", new DagRunPatch { State = "failed", Note = "stopped" }, ["state", "note"]);

        result.IsSuccess.ShouldBeTrue(result.Failure?.Detail);
        host.V1Requests.Count.ShouldBe(2);
        ShouldConform(host.V1Requests[0], "update_dag_run_state");
        ShouldConform(host.V1Requests[1], "set_dag_run_note");
        host.V1Requests[1].Body.ShouldBe("""{"note":"stopped"}""");
    }

    [Fact]
    public async Task PatchDagRun_NoteFailsAfterState_SaysTheStateWasSet()
    {
        using var host = V1Host();
        host.Mock.When(HttpMethod.Patch, $"{AirflowTestHost.BaseUrl}/api/v1/dags/etl/dagRuns/r1").Respond("application/json", V1Samples.DagRun("etl", "r1", "failed"));
        host.Mock.When(HttpMethod.Patch, $"{AirflowTestHost.BaseUrl}/api/v1/dags/etl/dagRuns/r1/setNote")
            .Respond(HttpStatusCode.Forbidden, "application/problem+json", V1Samples.Problem(403, "Forbidden", "Access is denied"));

        var result = await host.Client.PatchDagRunAsync("etl", "r1", new DagRunPatch { State = "failed", Note = "stopped" }, null);

        var failure = result.Failure.ShouldNotBeNull();
        failure.Error.ShouldBe(AirflowError.Forbidden);
        failure.Detail.ShouldBe("The run's state was set to failed, but its note was not: Access is denied");
    }

    [Fact]
    public async Task PatchDagRun_MaskStateWithoutState_RejectedWithoutSending()
    {
        using var host = V1Host();

        var result = await host.Client.PatchDagRunAsync("etl", "r1", new DagRunPatch { Note = "x" }, ["state"]);

        result.Failure.ShouldNotBeNull().Error.ShouldBe(AirflowError.Rejected);
        host.Recorder.Requests.ShouldBeEmpty();
    }

    [Fact]
    public async Task ListAllTaskInstances_Request_ConformsWithoutTaskFilter() =>
        ShouldConform(await SendOneAsync(c => c.ListAllTaskInstancesAsync("etl", "manual__2025-10-02T12:00:00+00:00", "extract"), V1Samples.TaskInstancePage([], 0)), "get_task_instances");

    [Fact]
    public async Task StaticToken_SentAsBearerOverV1()
    {
        using var host = AirflowTestHost.WithStaticToken(new() { ["Airgate:Airflow:ApiVersion"] = "v1" });
        host.Mock.Fallback.Respond("application/json", V1Samples.Dag("etl"));

        await host.Client.GetDagAsync("etl");

        host.V1Requests.ShouldHaveSingleItem().Headers["Authorization"].ShouldBe($"Bearer {AirflowTestHost.StaticToken}");
    }

    [Fact]
    public async Task Unauthorized_NoLoginNoReplay_AndPasswordNeverLogged()
    {
        using var host = V1Host();
        host.Mock.Fallback.Respond(HttpStatusCode.Unauthorized, "application/problem+json", V1Samples.Problem(401, "Unauthorized", null));

        var result = await host.Client.GetDagAsync("etl");

        result.Failure.ShouldNotBeNull().Error.ShouldBe(AirflowError.Unauthorized);
        result.Failure.Detail.ShouldBe("Unauthorized");
        host.V1Requests.ShouldHaveSingleItem();
        host.Logins.ShouldBeEmpty();
        host.Logs.AllText.ShouldNotContain(AirflowTestHost.Password);
        host.Logs.AllText.ShouldNotContain(Convert.ToBase64String(Encoding.UTF8.GetBytes($"{AirflowTestHost.Username}:{AirflowTestHost.Password}")));
    }
}
