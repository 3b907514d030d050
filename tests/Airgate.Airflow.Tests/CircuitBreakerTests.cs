using System.Net;
using RichardSzalay.MockHttp;

namespace Airgate.Airflow.Tests;

public sealed class CircuitBreakerTests
{
    private const string DagUrl = $"{AirflowTestHost.BaseUrl}/api/v2/dags/etl";

    // The breaker's documented minimum throughput (README): it judges nothing before this many calls in its window.
    private const int MinimumThroughput = 20;

    [Fact]
    public async Task Get_AirflowFailsEveryCall_CircuitOpensAndLaterCallsAreNotSent()
    {
        using var host = AirflowTestHost.WithStaticToken(new() { ["Airgate:Airflow:MaxRetries"] = "0" });
        host.Mock.When(HttpMethod.Get, DagUrl).Respond(HttpStatusCode.BadGateway);

        for (var i = 0; i < MinimumThroughput; i++)
        {
            (await host.Client.GetDagAsync("etl")).Failure.ShouldNotBeNull().Error.ShouldBe(AirflowError.ServerError);
        }

        var failure = (await host.Client.GetDagAsync("etl")).Failure.ShouldNotBeNull();

        failure.Error.ShouldBe(AirflowError.Unreachable);
        failure.RetryAfter.ShouldNotBeNull();
        host.ApiRequests.Count.ShouldBe(MinimumThroughput);
    }

    [Fact]
    public async Task Get_ClientErrors_NeverOpenTheCircuit()
    {
        using var host = AirflowTestHost.WithStaticToken(new() { ["Airgate:Airflow:MaxRetries"] = "0" });
        host.Mock.When(HttpMethod.Get, DagUrl).Respond(HttpStatusCode.NotFound);

        for (var i = 0; i < MinimumThroughput + 5; i++)
        {
            (await host.Client.GetDagAsync("etl")).Failure.ShouldNotBeNull().Error.ShouldBe(AirflowError.NotFound);
        }

        host.ApiRequests.Count.ShouldBe(MinimumThroughput + 5);
    }
}
