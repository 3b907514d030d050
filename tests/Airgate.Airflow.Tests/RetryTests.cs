using System.Net;
using System.Text.Json.Nodes;
using Airgate.Airflow.Models;
using RichardSzalay.MockHttp;

namespace Airgate.Airflow.Tests;

public sealed class RetryTests
{
    private const string DagUrl = $"{AirflowTestHost.BaseUrl}/api/v2/dags/etl";
    private const string RunsUrl = $"{DagUrl}/dagRuns";
    private const string RunUrl = $"{DagUrl}/dagRuns/r1";

    public static TheoryData<HttpStatusCode> TransientStatuses => new() { HttpStatusCode.BadGateway, HttpStatusCode.ServiceUnavailable, HttpStatusCode.GatewayTimeout };

    [Theory]
    [MemberData(nameof(TransientStatuses))]
    public async Task Get_TransientStatusThenOk_RetriedAndSucceeds(HttpStatusCode status)
    {
        using var host = AirflowTestHost.WithStaticToken();
        var calls = 0;
        host.Mock.When(HttpMethod.Get, DagUrl).Respond(_ => Interlocked.Increment(ref calls) < 3
            ? new HttpResponseMessage(status)
            : AirflowTestHost.Json(HttpStatusCode.OK, AirflowSamples.Dag("etl")));

        var result = await host.Client.GetDagAsync("etl");

        result.IsSuccess.ShouldBeTrue(result.Failure?.Detail);
        host.ApiRequests.Count.ShouldBe(3);
    }

    [Fact]
    public async Task Get_AlwaysUnavailable_GivesUpAfterMaxRetriesAsServerError()
    {
        using var host = AirflowTestHost.WithStaticToken(new() { ["Airgate:Airflow:MaxRetries"] = "2" });
        host.Mock.When(HttpMethod.Get, DagUrl).Respond(HttpStatusCode.ServiceUnavailable);

        var result = await host.Client.GetDagAsync("etl");

        var failure = result.Failure.ShouldNotBeNull();
        failure.Error.ShouldBe(AirflowError.ServerError);
        failure.StatusCode.ShouldBe(503);
        host.ApiRequests.Count.ShouldBe(3);
    }

    [Fact]
    public async Task Get_MaxRetriesZero_SentOnce()
    {
        using var host = AirflowTestHost.WithStaticToken(new() { ["Airgate:Airflow:MaxRetries"] = "0" });
        host.Mock.When(HttpMethod.Get, DagUrl).Respond(HttpStatusCode.ServiceUnavailable);

        (await host.Client.GetDagAsync("etl")).Failure.ShouldNotBeNull().Error.ShouldBe(AirflowError.ServerError);

        host.ApiRequests.Count.ShouldBe(1);
    }

    [Fact]
    public async Task Get_ConnectionRefusedThenOk_RetriedAndSucceeds()
    {
        using var host = AirflowTestHost.WithStaticToken();
        var calls = 0;
        host.Mock.When(HttpMethod.Get, DagUrl).Respond(_ => Interlocked.Increment(ref calls) == 1
            ? throw new HttpRequestException(HttpRequestError.ConnectionError, "Connection refused")
            : AirflowTestHost.Json(HttpStatusCode.OK, AirflowSamples.Dag("etl")));

        var result = await host.Client.GetDagAsync("etl");

        result.IsSuccess.ShouldBeTrue(result.Failure?.Detail);
        host.ApiRequests.Count.ShouldBe(2);
    }

    [Fact]
    public async Task Get_ServerError500_NotRetried()
    {
        using var host = AirflowTestHost.WithStaticToken();
        host.Mock.When(HttpMethod.Get, DagUrl).Respond(HttpStatusCode.InternalServerError);

        (await host.Client.GetDagAsync("etl")).Failure.ShouldNotBeNull().Error.ShouldBe(AirflowError.ServerError);

        host.ApiRequests.Count.ShouldBe(1);
    }

    [Fact]
    public async Task Get_NotFound_NotRetried()
    {
        using var host = AirflowTestHost.WithStaticToken();
        host.Mock.When(HttpMethod.Get, DagUrl).Respond(HttpStatusCode.NotFound);

        (await host.Client.GetDagAsync("etl")).Failure.ShouldNotBeNull().Error.ShouldBe(AirflowError.NotFound);

        host.ApiRequests.Count.ShouldBe(1);
    }

    [Theory]
    [MemberData(nameof(TransientStatuses))]
    public async Task Trigger_TransientStatus_NeverRetried(HttpStatusCode status)
    {
        using var host = AirflowTestHost.WithStaticToken();
        host.Mock.When(HttpMethod.Post, RunsUrl).Respond(status);

        var result = await host.Client.TriggerDagRunAsync("etl", new TriggerDagRunRequest { Conf = [] });

        result.Failure.ShouldNotBeNull().Error.ShouldBe(AirflowError.ServerError);
        host.ApiRequests.Count.ShouldBe(1);
    }

    [Fact]
    public async Task Trigger_ConnectionReset_NeverRetriedAndUnreachable()
    {
        using var host = AirflowTestHost.WithStaticToken();
        host.Mock.When(HttpMethod.Post, RunsUrl).Throw(new HttpRequestException(HttpRequestError.ConnectionError, "Connection reset by peer"));

        var result = await host.Client.TriggerDagRunAsync("etl", new TriggerDagRunRequest { Conf = new JsonObject { ["x"] = 1 } });

        result.Failure.ShouldNotBeNull().Error.ShouldBe(AirflowError.Unreachable);
        host.ApiRequests.Count.ShouldBe(1);
    }

    [Fact]
    public async Task Patch_Unavailable_NeverRetried()
    {
        using var host = AirflowTestHost.WithStaticToken();
        host.Mock.When(HttpMethod.Patch, RunUrl).Respond(HttpStatusCode.ServiceUnavailable);

        var result = await host.Client.PatchDagRunAsync("etl", "r1", new DagRunPatch { State = "failed" }, null);

        result.Failure.ShouldNotBeNull().Error.ShouldBe(AirflowError.ServerError);
        host.ApiRequests.Count.ShouldBe(1);
    }

    [Fact]
    public async Task Patch_ConnectionRefused_NeverRetried()
    {
        using var host = AirflowTestHost.WithStaticToken();
        host.Mock.When(HttpMethod.Patch, RunUrl).Throw(new HttpRequestException(HttpRequestError.ConnectionError, "Connection refused"));

        var result = await host.Client.PatchDagRunAsync("etl", "r1", new DagRunPatch { State = "failed" }, null);

        result.Failure.ShouldNotBeNull().Error.ShouldBe(AirflowError.Unreachable);
        host.ApiRequests.Count.ShouldBe(1);
    }

    [Fact]
    public async Task Get_UnavailableWithRetryAfter_ParsedIntoFailure()
    {
        using var host = AirflowTestHost.WithStaticToken(new() { ["Airgate:Airflow:MaxRetries"] = "0" });
        host.Mock.When(HttpMethod.Get, DagUrl).Respond(_ =>
        {
            var response = new HttpResponseMessage(HttpStatusCode.ServiceUnavailable);
            response.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(TimeSpan.FromSeconds(7));
            return response;
        });

        var failure = (await host.Client.GetDagAsync("etl")).Failure.ShouldNotBeNull();

        failure.Error.ShouldBe(AirflowError.ServerError);
        failure.RetryAfter.ShouldBe(TimeSpan.FromSeconds(7));
    }
}
