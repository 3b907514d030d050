using System.Net;
using Airgate.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Airgate.Tests.Workflows;

/// <summary>Airflow down, slow, failing or talking nonsense: 502/503/504 problems, no stack traces, the service stays up.</summary>
public sealed class AirflowFailureTests
{
    [Theory]
    [InlineData(500, HttpStatusCode.BadGateway)]
    [InlineData(502, HttpStatusCode.BadGateway)]
    [InlineData(503, HttpStatusCode.ServiceUnavailable)]
    public async Task ListWorkflows_AirflowAnswersServerError_MapsToGatewayProblem(int airflowStatus, HttpStatusCode expected)
    {
        await using var gateway = Gateway.Start();
        gateway.Emulator.Faults.RespondWithStatus(HttpMethod.Get, "/api/v2/dags", airflowStatus, count: 10);

        var response = await gateway.Client.GetAsync("/api/v1/workflows");

        await response.ShouldBeProblemAsync(expected);
        response.Headers.RetryAfter.ShouldNotBeNull();
    }

    [Fact]
    public async Task ListWorkflows_AirflowAnswersGarbage_Returns502()
    {
        await using var gateway = Gateway.Start();
        gateway.Emulator.Faults.RespondWithGarbage(HttpMethod.Get, "/api/v2/dags", count: 10);

        await (await gateway.Client.GetAsync("/api/v1/workflows")).ShouldBeProblemAsync(HttpStatusCode.BadGateway);
    }

    [Fact]
    public async Task GetWorkflow_AirflowHangs_Returns504()
    {
        await using var gateway = Gateway.Start(options =>
        {
            options.Settings["Airgate:Airflow:RequestTimeout"] = "00:00:00.300";
            options.Settings["Airgate:Airflow:MaxRetries"] = "0";
        });
        gateway.Emulator.Faults.Hang(HttpMethod.Get, "/api/v2/dags", count: 10);

        await (await gateway.Client.GetAsync("/api/v1/workflows/reference_download")).ShouldBeProblemAsync(HttpStatusCode.GatewayTimeout);
    }

    [Fact]
    public async Task ListWorkflows_AirflowUnreachable_Returns502AndServiceStaysUp()
    {
        await using var gateway = Gateway.Start(options => options.ConfigureServices = services =>
            services.AddHttpClient(Gateway.AirflowClientName).ConfigurePrimaryHttpMessageHandler(() => new RefusingHandler()));

        var problem = await (await gateway.Client.GetAsync("/api/v1/workflows")).ShouldBeProblemAsync(HttpStatusCode.BadGateway);
        problem.GetProperty("detail").GetString()!.ShouldNotContain("admin");

        (await gateway.Client.GetAsync("/health/live")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await gateway.Client.GetAsync("/health/ready")).StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
    }

    [Fact]
    public async Task ListWorkflows_AirflowRefusesGatewayCredentials_Returns502NotA401()
    {
        await using var gateway = Gateway.Start(options => options.Settings["Airgate:Airflow:Password"] = "wrong-secret-password");

        var response = await gateway.Client.GetAsync("/api/v1/workflows");

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadGateway);
        problem.ToString().ShouldNotContain("wrong-secret-password");
        gateway.Logs.AllText.ShouldNotContain("wrong-secret-password");
    }

    [Fact]
    public async Task GetWorkflow_AirflowLoginAnswers404_Returns502NotA404()
    {
        // A wrong base path: Airflow's login is not where the URL leads. The client must not be told the workflow is missing.
        await using var gateway = Gateway.Start();
        gateway.Emulator.Faults.RespondWithStatus(HttpMethod.Post, "/auth/token", 404, count: 10);

        await (await gateway.Client.GetAsync("/api/v1/workflows/reference_download")).ShouldBeProblemAsync(HttpStatusCode.BadGateway);
    }

    private sealed class RefusingHandler : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            throw new HttpRequestException(HttpRequestError.ConnectionError, "Connection refused (airflow.test:80)");
    }
}
