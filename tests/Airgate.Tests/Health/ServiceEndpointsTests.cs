using System.Net;
using Airgate.Health;
using Airgate.Testing;
using Airgate.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Airgate.Tests.Health;

public sealed class ServiceEndpointsTests
{
    [Fact]
    public async Task HealthReady_AirflowAnswers_IsHealthy()
    {
        // A clock that moves only when told: the probe's own 3 s timeout cannot fire on a busy machine, and after
        // ProbeNowAsync readiness answers from that result, never "not answered yet".
        await using var gateway = Gateway.Start(options => options.Clock = new ManualTimeProvider(DateTimeOffset.UtcNow));
        await gateway.Services.GetRequiredService<AirflowProbe>().ProbeNowAsync();

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
        // As above: only Airflow's answer decides the verdict, not how busy the machine is.
        await using var gateway = Gateway.Start(options =>
        {
            options.Clock = new ManualTimeProvider(DateTimeOffset.UtcNow);
            options.Settings["Airgate:Airflow:Password"] = "wrong-secret-password";
        });
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

    [Fact]
    public async Task DocsPage_SecurityHeaders_CspNoFramingNoSniffNoReferrer()
    {
        await using var gateway = Gateway.Start();

        foreach (var path in new[] { "/docs/", "/docs/scalar.js" })
        {
            var response = await gateway.Client.GetAsync(path);
            response.StatusCode.ShouldBe(HttpStatusCode.OK);
            var csp = response.Headers.GetValues("Content-Security-Policy").Single();
            csp.ShouldContain("default-src 'self'");
            csp.ShouldContain("frame-ancestors 'none'");
            csp.ShouldContain("connect-src 'self'");
            response.Headers.GetValues("X-Frame-Options").Single().ShouldBe("DENY");
            response.Headers.GetValues("X-Content-Type-Options").Single().ShouldBe("nosniff");
            response.Headers.GetValues("Referrer-Policy").Single().ShouldBe("no-referrer");
        }
    }

    [Theory]
    [InlineData("GET", "/api/v1/nope", "text/plain", HttpStatusCode.NotFound)]
    [InlineData("DELETE", "/api/v1/pipelines", "text/plain", HttpStatusCode.MethodNotAllowed)]
    [InlineData("GET", "/api/v1/nope", "text/html", HttpStatusCode.NotFound)]
    [InlineData("POST", "/api/v1/workflows/bactopia_species_screen/runs", "text/plain", HttpStatusCode.UnsupportedMediaType)]
    public async Task FrameworkErrors_AcceptExcludesJson_StillProblemJson(string method, string path, string accept, HttpStatusCode expected)
    {
        await using var gateway = Gateway.Start();
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        request.Headers.TryAddWithoutValidation("Accept", accept);
        if (method == "POST")
        {
            request.Content = new StringContent("pipelines=x", System.Text.Encoding.UTF8, "application/x-www-form-urlencoded");
        }

        var problem = await (await gateway.Client.SendAsync(request)).ShouldBeProblemAsync(expected);

        problem.GetProperty("instance").GetString().ShouldBe(path);
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

    [Fact]
    public async Task IncompleteBody_Kestrels408_HasItsOwnProblemType()
    {
        await using var gateway = Gateway.Start();
        var handler = gateway.Services.GetServices<Microsoft.AspNetCore.Diagnostics.IExceptionHandler>().Single();
        using var scope = gateway.Services.CreateScope();
        var context = new DefaultHttpContext { RequestServices = scope.ServiceProvider };
        context.Request.Path = "/api/v1/workflows/bactopia_species_screen/runs";
        context.Response.Body = new MemoryStream();

        (await handler.TryHandleAsync(context, new BadHttpRequestException("Reading the request body timed out due to data arriving too slowly.", 408), CancellationToken.None)).ShouldBeTrue();

        context.Response.StatusCode.ShouldBe(408);
        context.Response.ContentType.ShouldBe("application/problem+json");
        context.Response.Body.Position = 0;
        var problem = System.Text.Json.JsonDocument.Parse(context.Response.Body).RootElement;
        problem.GetProperty("type").GetString().ShouldBe("https://airgate.dev/problems/request-timeout");
        problem.GetProperty("status").GetInt32().ShouldBe(408);
    }

    [Fact]
    public async Task OpenApi_OperationsWithABody_Declare408()
    {
        await using var gateway = Gateway.Start();

        var document = System.Text.Json.JsonDocument.Parse(await gateway.Client.GetStringAsync("/openapi/v1.json")).RootElement;

        foreach (var (path, method) in new[] { ("/api/v1/workflows/{dag_id}/runs", "post"), ("/api/v1/workflows/{dag_id}/runs/{dag_run_id}", "patch"), ("/api/v1/workflows/{dag_id}/runs/{dag_run_id}/rerun", "post"), ("/api/v1/workflows/{dag_id}/runs/{dag_run_id}/clear", "post") })
        {
            document.GetProperty("paths").GetProperty(path).GetProperty(method).GetProperty("responses").TryGetProperty("408", out _).ShouldBeTrue($"{method} {path}");
        }
    }
}
