using System.Net;
using Airgate.Health;
using Airgate.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Airgate.Tests.Health;

public sealed class ServiceEndpointsTests
{
    [Fact]
    public async Task HealthReady_AirflowAnswers_IsHealthy()
    {
        await using var gateway = Gateway.Start();
        await gateway.Services.GetRequiredService<AirflowProbe>().ProbeNowAsync(); // so a busy machine cannot make it "not answered yet"

        var body = await (await gateway.Client.GetAsync("/health/ready")).ShouldBeJsonAsync();

        body.GetProperty("status").GetString().ShouldBe("healthy");
        body.GetProperty("checks").GetProperty("airflow").GetProperty("status").GetString().ShouldBe("healthy");
    }

    [Fact]
    public async Task HealthReady_AirflowFailing_Answers503()
    {
        await using var gateway = Gateway.Start(options => options.Settings["Airgate:Airflow:MaxRetries"] = "0");
        gateway.Emulator.Faults.RespondWithStatus(HttpMethod.Get, "/api/v2/monitor/health", 500, count: 10);

        var body = await (await gateway.Client.GetAsync("/health/ready")).ShouldBeJsonAsync(HttpStatusCode.ServiceUnavailable);

        body.GetProperty("checks").GetProperty("airflow").GetProperty("status").GetString().ShouldBe("unhealthy");
    }

    [Fact]
    public async Task HealthReady_AirflowRefusesGatewayCredentials_Answers503NamingThem()
    {
        await using var gateway = Gateway.Start(options => options.Settings["Airgate:Airflow:Password"] = "wrong-secret-password");
        await gateway.Services.GetRequiredService<AirflowProbe>().ProbeNowAsync();

        var body = await (await gateway.Client.GetAsync("/health/ready")).ShouldBeJsonAsync(HttpStatusCode.ServiceUnavailable);

        var airflow = body.GetProperty("checks").GetProperty("airflow");
        airflow.GetProperty("status").GetString().ShouldBe("unhealthy");
        airflow.GetProperty("detail").GetString().ShouldBe("Airflow refuses Airgate's credentials");
    }

    [Fact]
    public async Task HealthReady_AirflowHangs_AnswersNotReadyWithoutWaitingForAirflow()
    {
        // Airflow's own timeouts are a minute: only the probe's short timeout and the bounded wait let readiness answer.
        await using var gateway = Gateway.Start(options =>
        {
            options.Settings["Airgate:Airflow:RequestTimeout"] = "00:01:00";
            options.Settings["Airgate:Airflow:MaxRetries"] = "0";
        });
        gateway.Emulator.Faults.Hang(HttpMethod.Get, "/api/v2/monitor/health", count: 100);

        var body = await (await gateway.Client.GetAsync("/health/ready")).ShouldBeJsonAsync(HttpStatusCode.ServiceUnavailable);

        // Which of the two depends only on whether the probe's own 3 s timeout already passed; neither waits for Airflow's minute.
        body.GetProperty("checks").GetProperty("airflow").GetProperty("detail").GetString()
            .ShouldBeOneOf("Airflow has not answered the readiness probe yet", "Airflow did not answer the readiness probe within 3 s");
    }

    [Fact]
    public async Task HealthLive_TouchesNeitherAirflowNorTheDatabase()
    {
        var airflow = new CountingHandler();
        await using var gateway = Gateway.Start(options => options.ConfigureServices = services =>
            services.AddHttpClient(Gateway.AirflowClientName).ConfigurePrimaryHttpMessageHandler(() => airflow));

        (await gateway.Client.GetAsync("/health/live")).StatusCode.ShouldBe(HttpStatusCode.OK);

        airflow.Calls.ShouldBe(0);
    }

    private sealed class CountingHandler : HttpMessageHandler
    {
        private int _calls;

        public int Calls => Volatile.Read(ref _calls);

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _calls);
            throw new HttpRequestException(HttpRequestError.ConnectionError, "refused");
        }
    }

    [Fact]
    public async Task OpenApiDocument_ListsTheCatalogOperations()
    {
        await using var gateway = Gateway.Start();

        var document = await (await gateway.Client.GetAsync("/openapi/v1.json")).ShouldBeJsonAsync();

        var paths = document.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        paths.ShouldContain("/api/v1/workflows");
        paths.ShouldContain("/api/v1/workflows/{dag_id}/tasks");
        paths.ShouldContain("/api/v1/pipelines/{id}");
    }

    [Fact]
    public async Task DocsPage_IsServedWithoutExternalAssets()
    {
        await using var gateway = Gateway.Start();

        var response = await gateway.Client.GetAsync("/docs/");
        var bundle = await gateway.Client.GetAsync("/docs/scalar.js");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/html");
        var html = await response.Content.ReadAsStringAsync();
        html.ShouldContain("openapi/v1.json");
        html.ShouldContain("\"withDefaultFonts\":false");
        html.ShouldNotContain("https://", Case.Insensitive);
        bundle.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await bundle.Content.ReadAsByteArrayAsync()).Length.ShouldBeGreaterThan(100_000);
    }

    [Theory]
    [InlineData("/api/v1/no-such-thing", HttpStatusCode.NotFound)]
    [InlineData("/api/v1/workflows/x/y/z/w", HttpStatusCode.NotFound)]
    public async Task UnknownRoute_AnswersProblem(string path, HttpStatusCode expected)
    {
        await using var gateway = Gateway.Start();

        var problem = await (await gateway.Client.GetAsync(path)).ShouldBeProblemAsync(expected);

        problem.GetProperty("type").GetString().ShouldBe("https://airgate.dev/problems/not-found");
    }

    [Fact]
    public async Task WrongMethod_Answers405Problem()
    {
        await using var gateway = Gateway.Start();

        await (await gateway.Client.DeleteAsync("/api/v1/pipelines")).ShouldBeProblemAsync(HttpStatusCode.MethodNotAllowed);
    }
}
