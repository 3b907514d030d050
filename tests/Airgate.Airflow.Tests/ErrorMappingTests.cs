using System.Net;
using System.Text;
using RichardSzalay.MockHttp;

namespace Airgate.Airflow.Tests;

public sealed class ErrorMappingTests
{
    private const string DagUrl = $"{AirflowTestHost.BaseUrl}/api/v2/dags/etl";

    public static TheoryData<int, string, AirflowError, string> Statuses => new()
    {
        { 400, """{"detail":"Invalid input for param n: 0 is less than the minimum of 1"}""", AirflowError.Rejected, "Invalid input for param n: 0 is less than the minimum of 1" },
        { 422, """{"detail":[{"type":"dict_type","loc":["body","conf"],"msg":"Input should be a valid dictionary","input":"x"},{"type":"extra_forbidden","loc":["body","colour"],"msg":"Extra inputs are not permitted"}]}""", AirflowError.Rejected, "body.conf: Input should be a valid dictionary; body.colour: Extra inputs are not permitted" },
        { 422, """{"detail":[{"type":"int_parsing","loc":["query","limit",0],"msg":"Input should be a valid integer"}]}""", AirflowError.Rejected, "query.limit.0: Input should be a valid integer" },
        { 401, """{"detail":"Not authenticated"}""", AirflowError.Unauthorized, "Not authenticated" },
        { 403, """{"detail":"Forbidden"}""", AirflowError.Forbidden, "Forbidden" },
        { 403, """{"detail":"Invalid JWT token"}""", AirflowError.Unauthorized, "Invalid JWT token" },
        { 404, """{"detail":"The Dag with ID: `etl` was not found"}""", AirflowError.NotFound, "The Dag with ID: `etl` was not found" },
        { 409, """{"detail":{"reason":"Unique constraint violation","statement":"INSERT INTO dag_run ...","orig_error":"UNIQUE constraint failed"}}""", AirflowError.Conflict, "Unique constraint violation" },
        { 409, """{"detail":{"code":7,"why":"busy"}}""", AirflowError.Conflict, "code: 7; why: busy" },
        { 405, """{"detail":"Method Not Allowed"}""", AirflowError.Rejected, "Method Not Allowed" },
        { 418, "", AirflowError.Rejected, "418" },
        { 429, "", AirflowError.ServerError, "slow down" },
        { 500, "Internal Server Error", AirflowError.ServerError, "500" },
        { 502, "<html><body>Bad gateway</body></html>", AirflowError.ServerError, "502" },
        { 503, """{"detail":"Service Unavailable"}""", AirflowError.ServerError, "Service Unavailable" },
        { 504, "", AirflowError.ServerError, "504" },
        { 302, "", AirflowError.InvalidResponse, "302" },
    };

    public static TheoryData<string, string> GarbageBodies => new()
    {
        { "text/html", "<html>Airflow is starting</html>" },
        { "application/json", string.Empty },
        { "application/json", "{" },
        { "application/json", "null" },
        { "application/json", "[]" },
        { "application/json", "\"etl\"" },
        { "application/json", """{"dag_id":5}""" },
        { "application/json", """{"dag_display_name":"no id"}""" },
        { "application/json", """{"dag_id":"etl","is_paused":"sometimes"}""" },
    };

    private static AirflowTestHost Host() => AirflowTestHost.WithStaticToken(new() { ["Airgate:Airflow:MaxRetries"] = "0" });

    [Theory]
    [MemberData(nameof(Statuses))]
    public async Task GetDag_ErrorStatus_MapsToErrorWithReadableDetail(int status, string body, AirflowError error, string detail)
    {
        using var host = Host();
        host.Mock.When(HttpMethod.Get, DagUrl).Respond(_ => new HttpResponseMessage((HttpStatusCode)status)
        {
            Content = new StringContent(body, Encoding.UTF8, body.StartsWith('{') ? "application/json" : "text/html"),
        });

        var result = await host.Client.GetDagAsync("etl");

        var failure = result.Failure.ShouldNotBeNull();
        failure.Error.ShouldBe(error);
        failure.StatusCode.ShouldBe(status);
        failure.Detail.ShouldContain(detail, Case.Insensitive);
        failure.Detail.ShouldNotContain("<html>");
        result.Value.ShouldBeNull();
    }

    [Theory]
    [MemberData(nameof(GarbageBodies))]
    public async Task GetDag_UnreadableOkBody_InvalidResponse(string mediaType, string body)
    {
        using var host = Host();
        host.Mock.When(HttpMethod.Get, DagUrl).Respond(HttpStatusCode.OK, mediaType, body);

        var result = await host.Client.GetDagAsync("etl");

        var failure = result.Failure.ShouldNotBeNull();
        failure.Error.ShouldBe(AirflowError.InvalidResponse);
        failure.StatusCode.ShouldBe(200);
    }

    [Fact]
    public async Task ListDags_CollectionWithoutItsList_InvalidResponse()
    {
        using var host = Host();
        host.Mock.When(HttpMethod.Get, $"{AirflowTestHost.BaseUrl}/api/v2/dags").Respond("application/json", """{"dags":null,"total_entries":3}""");

        var result = await host.Client.ListDagsAsync(new Models.DagQuery());

        result.Failure.ShouldNotBeNull().Error.ShouldBe(AirflowError.InvalidResponse);
    }

    [Fact]
    public async Task GetDag_UnknownFieldsAndNullLists_Tolerated()
    {
        using var host = Host();
        host.Mock.When(HttpMethod.Get, $"{DagUrl}/tasks").Respond("application/json", """{"tasks":[{"task_id":"t","downstream_task_ids":null,"params":null,"new_in_3_3":true}],"total_entries":1}""");

        var result = await host.Client.ListTasksAsync("etl");

        var task = result.Value.ShouldNotBeNull().ShouldHaveSingleItem();
        task.TaskId.ShouldBe("t");
        task.DownstreamTaskIds.ShouldBeEmpty();
    }

    [Fact]
    public async Task GetDagDetails_Params_ReadWithClassValueAndSchema()
    {
        using var host = Host();
        host.Mock.When(HttpMethod.Get, $"{DagUrl}/details").Respond("application/json", AirflowSamples.DagDetails("etl"));

        var details = (await host.Client.GetDagDetailsAsync("etl")).Value.ShouldNotBeNull();

        var param = details.Params["n"];
        param.Class.ShouldBe("airflow.sdk.definitions.param.Param");
        param.Value.ShouldNotBeNull().GetInt32().ShouldBe(3);
        param.Schema.ShouldNotBeNull().GetProperty("minimum").GetInt32().ShouldBe(1);
        details.DocMd.ShouldBe("# Doc");
    }

    [Fact]
    public async Task GetDag_ConnectionRefusedForReal_Unreachable()
    {
        // Port 1 on loopback: nothing listens, the refusal is immediate. Uses the real SocketsHttpHandler.
        using var host = new RealNetworkHost("http://127.0.0.1:1");

        var result = await host.Client.GetDagAsync("etl");

        result.Failure.ShouldNotBeNull().Error.ShouldBe(AirflowError.Unreachable);
    }

    [Fact]
    public async Task GetDag_HostDoesNotResolve_Unreachable()
    {
        using var host = new RealNetworkHost("http://airgate-test-no-such-host.invalid");

        var result = await host.Client.GetDagAsync("etl");

        result.Failure.ShouldNotBeNull().Error.ShouldBe(AirflowError.Unreachable);
    }
}
