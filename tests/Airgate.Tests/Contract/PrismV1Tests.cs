using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using Airgate.Tests.Infrastructure;
using Airgate.Tests.Runs;
using Microsoft.Extensions.DependencyInjection;

namespace Airgate.Tests.Contract;

/// <summary>
/// The gateway over <c>/api/v1</c> against Prism serving Airflow 2.10.0's published spec (its paths under
/// <c>/api/v1</c>, as the spec's server says). CI starts it and sets <c>AIRGATE_TEST_PRISM_V1_URL</c>; any request Prism
/// rejects (a violation it reports, or a path or parameter it does not know) fails the test; without it the test is
/// reported as skipped.
/// </summary>
public sealed class PrismV1Tests
{
    private static readonly string? PrismUrl = Environment.GetEnvironmentVariable("AIRGATE_TEST_PRISM_V1_URL");

    [PrismV1Fact]
    public async Task EveryEndpoint_OverV1AgainstPrism_SendsOnlyRequestsTheSpecAcceptsAndNever5xx()
    {
        var exchanges = new ConcurrentQueue<(string Request, HttpStatusCode Status, string? Violations, string Body)>();
        await using var gateway = Gateway.Start(options =>
        {
            options.UseEmulator = false;
            options.Settings["Airgate:Airflow:BaseUrl"] = PrismUrl;
            options.Settings["Airgate:Airflow:Username"] = "prism";
            options.Settings["Airgate:Airflow:Password"] = "prism-password";
            options.Settings["Airgate:Airflow:ApiVersion"] = "auto";
            options.Settings["Airgate:Airflow:MaxRetries"] = "0";
            options.ConfigureServices = services => services.AddHttpClient(Gateway.AirflowClientName)
                .AddHttpMessageHandler(() => new ViolationRecorder(exchanges));
        });

        var answers = new List<(string Path, HttpStatusCode Status)>();
        async Task<JsonElement?> Call(HttpMethod method, string path, string? body = null)
        {
            using var request = new HttpRequestMessage(method, path) { Content = body is null ? null : RunBodies.Json(body) };
            using var response = await gateway.Client.SendAsync(request);
            answers.Add(($"{method} {path}", response.StatusCode));
            var text = await response.Content.ReadAsStringAsync();
            return response.IsSuccessStatusCode && text.Length > 0 ? JsonDocument.Parse(text).RootElement.Clone() : null;
        }

        await Call(HttpMethod.Get, "/api/v1/workflows?limit=10&offset=0&paused=false&tags=a&tags=b&dag_id_pattern=x%25");
        await Call(HttpMethod.Get, "/api/v1/workflows/bactopia_species_screen");
        await Call(HttpMethod.Get, "/api/v1/workflows/bactopia_species_screen/tasks");
        await Call(HttpMethod.Get, "/api/v1/workflows/bactopia_species_screen/tasks/run_kraken2");
        await Call(HttpMethod.Get, "/api/v1/workflows/reference_download");
        var run = await Call(HttpMethod.Post, RunBodies.ScreenRuns, RunBodies.ValidScreen().ToJsonString());
        var runId = run?.GetProperty("dag_run_id").GetString() ?? "manual__2025-10-02T12:00:00+00:00";
        var runPath = $"{RunBodies.ScreenRuns}/{Uri.EscapeDataString(runId)}";
        await Call(HttpMethod.Get, "/api/v1/workflows/~/runs?state=running&limit=5");
        await Call(HttpMethod.Get, runPath);
        await Call(HttpMethod.Get, runPath + "/tasks");
        await Call(HttpMethod.Patch, runPath, """{"state":"failed","note":"stopped over v1"}""");
        var ready = await gateway.Client.GetAsync("/health/ready");
        ready.StatusCode.ShouldBeOneOf(HttpStatusCode.OK, HttpStatusCode.ServiceUnavailable);

        exchanges.ShouldNotBeEmpty("the gateway must have called Prism");
        exchanges.ShouldContain(e => e.Request.StartsWith("POST /api/v1/dags/", StringComparison.Ordinal), "the trigger reached Prism");
        exchanges.Where(e => e.Request.Contains("/api/v1/", StringComparison.Ordinal) && (RequestViolations(e.Violations).Any() || RefusedByPrism(e.Body)))
            .Select(e => $"{e.Request} -> {(int)e.Status} {e.Violations} {e.Body}")
            .ShouldBeEmpty("Prism rejected requests that break Airflow 2.10.0's spec");
        // Prism answers its examples (a run "string" of a DAG "string"), so a read of a run may be a 404 or a 502; never a 500.
        answers.Where(a => a.Status == HttpStatusCode.InternalServerError).Select(a => a.Path).ShouldBeEmpty();
        string[] catalog = ["GET /api/v1/workflows?", "GET /api/v1/workflows/bactopia_species_screen", "GET /api/v1/workflows/bactopia_species_screen/tasks", "GET /api/v1/workflows/reference_download"];
        answers.Where(a => catalog.Any(c => a.Path == c || (c.EndsWith('?') && a.Path.StartsWith(c, StringComparison.Ordinal))) && a.Status != HttpStatusCode.OK)
            .Select(a => $"{a.Path} -> {(int)a.Status}").ShouldBeEmpty();
    }

    private static IEnumerable<string> RequestViolations(string? header) =>
        header is null
            ? []
            : JsonDocument.Parse(header).RootElement.EnumerateArray()
                .Where(v => v.GetProperty("location")[0].GetString() == "request")
                .Select(v => v.GetProperty("message").GetString() ?? string.Empty);

    /// <summary>Prism's own refusals (no such path, an invalid request, missing credentials), told apart from the spec's examples by their type.</summary>
    private static bool RefusedByPrism(string body) => body.Contains("stoplight.io/prism/errors", StringComparison.Ordinal);

    private sealed class PrismV1FactAttribute : FactAttribute
    {
        public PrismV1FactAttribute()
        {
            if (string.IsNullOrEmpty(PrismUrl))
            {
                Skip = "AIRGATE_TEST_PRISM_V1_URL is not set (CI starts Prism of the 2.10.0 spec and sets it).";
            }
        }
    }

    private sealed class ViolationRecorder(ConcurrentQueue<(string, HttpStatusCode, string?, string)> exchanges) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var response = await base.SendAsync(request, cancellationToken);
            var violations = response.Headers.TryGetValues("sl-violations", out var values) ? string.Join(' ', values) : null;
            await response.Content.LoadIntoBufferAsync(cancellationToken);
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            exchanges.Enqueue(($"{request.Method} {request.RequestUri?.PathAndQuery}", response.StatusCode, violations, body));
            return response;
        }
    }
}
