using System.Net;
using System.Text.Json.Nodes;
using Airgate.Tests.Infrastructure;
using Airgate.Tests.Runs;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;

namespace Airgate.Tests.Telemetry;

public sealed class TelemetryTests
{
    [Fact]
    public async Task Metrics_AfterACatalogRead_ServesPrometheusTextWithAirflowCallsAndHttpMetrics()
    {
        await using var gateway = Gateway.Start();
        (await gateway.Client.GetAsync("/api/v1/workflows")).StatusCode.ShouldBe(HttpStatusCode.OK);

        var response = await gateway.Client.GetAsync("/metrics");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/plain");
        var text = await response.Content.ReadAsStringAsync();
        text.ShouldContain("airgate_airflow_calls_total{");
        text.ShouldContain("operation=\"GET /api/v2/dags\"");
        text.ShouldContain("outcome=\"success\"");
        text.ShouldContain("airgate_airflow_call_duration_seconds_bucket{");
        text.ShouldContain("http_server_request_duration_seconds_bucket{");

        // http.client.* comes from SocketsHttpHandler itself; here the emulator replaces it, so only the server side shows.
    }

    [Fact]
    public async Task Metrics_AirflowCallDuration_SecondScaledBucketsNotOpenTelemetrysMillisecondDefaults()
    {
        await using var gateway = Gateway.Start();
        (await gateway.Client.GetAsync("/api/v1/workflows")).StatusCode.ShouldBe(HttpStatusCode.OK);

        var buckets = (await gateway.Client.GetStringAsync("/metrics")).Split('\n')
            .Where(line => line.StartsWith("airgate_airflow_call_duration_seconds_bucket{", StringComparison.Ordinal))
            .Select(line => line[(line.IndexOf("le=\"", StringComparison.Ordinal) + 4)..].Split('"')[0])
            .Distinct()
            .ToList();

        buckets.ShouldContain("0.005");
        buckets.ShouldContain("0.25");
        buckets.ShouldContain("60");
        buckets.ShouldNotContain("10000");
    }

    [Fact]
    public async Task Logging_NormalRequestsThroughTheResiliencePipeline_NothingFromPollyAtInformation()
    {
        await using var gateway = Gateway.Start();
        (await gateway.Client.GetAsync("/api/v1/workflows")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await gateway.Client.GetAsync(RunBodies.ScreenRuns)).StatusCode.ShouldBe(HttpStatusCode.OK);

        gateway.Emulator.Requests.Count.ShouldBeGreaterThan(0);
        gateway.Logs.Entries.Where(e => e.Category.StartsWith("Polly", StringComparison.Ordinal) && e.Level >= LogLevel.Information).ShouldBeEmpty();
    }

    [Fact]
    public async Task Metrics_InvalidTrigger_CountsTheTriggerAndItsParameterErrors()
    {
        await using var gateway = Gateway.Start();
        var body = RunBodies.ValidScreen();
        body["pipelines"]![RunBodies.Kraken]!.AsObject().Remove("outdir");
        (await gateway.Client.TriggerAsync(body)).StatusCode.ShouldBe(HttpStatusCode.BadRequest);

        var text = await gateway.Client.GetStringAsync("/metrics");

        text.ShouldContain("airgate_triggers_total{");
        text.ShouldContain("outcome=\"invalid\"");
        text.ShouldContain("airgate_parameter_errors_total");
    }

    [Fact]
    public async Task Metrics_AfterARunListing_ReportsTheMirrorSyncLag()
    {
        await using var gateway = Gateway.Start();
        (await gateway.Client.GetAsync("/api/v1/workflows/~/runs")).StatusCode.ShouldBe(HttpStatusCode.OK);

        // One scrape only: the exporter serves a scrape from its cache for a short while.
        var text = await gateway.Client.GetStringAsync("/metrics");

        // A sample line, not just the HELP/TYPE lines an instrument with no measurement may still print.
        System.Text.RegularExpressions.Regex.IsMatch(
            text, @"^airgate_runs_mirror_sync_lag_seconds(\{[^}]*\})? [0-9.eE+-]+", System.Text.RegularExpressions.RegexOptions.Multiline)
            .ShouldBeTrue(text);
    }

    [Fact]
    public async Task Metrics_Endpoint_IsAnonymousInEveryAuthMode()
    {
        await using var gateway = Gateway.Start(options =>
        {
            options.Settings["Airgate:Auth:Mode"] = "ApiKeys";
            options.Settings["Airgate:Auth:ApiKeys:0:KeyHash"] = "sha256:" + new string('a', 64);
            options.Settings["Airgate:Auth:ApiKeys:0:UserId"] = "bot";
        });

        (await gateway.Client.GetAsync("/api/v1/workflows")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await gateway.Client.GetAsync("/metrics")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Logging_Defaults_JsonConsoleWithTraceIdsAndFrameworkRequestLogsAtWarning()
    {
        await using var app = Program.BuildGateway([]);
        var loggers = app.Services.GetRequiredService<ILoggerFactory>();

        loggers.CreateLogger("Microsoft.AspNetCore.Hosting.Diagnostics").IsEnabled(LogLevel.Information).ShouldBeFalse();
        loggers.CreateLogger("Microsoft.AspNetCore.Hosting.Diagnostics").IsEnabled(LogLevel.Warning).ShouldBeTrue();
        loggers.CreateLogger("Airgate.Runs.RunTrigger").IsEnabled(LogLevel.Information).ShouldBeTrue();
        loggers.CreateLogger("Polly").IsEnabled(LogLevel.Information).ShouldBeFalse();
        loggers.CreateLogger("Polly").IsEnabled(LogLevel.Warning).ShouldBeTrue();
        app.Services.GetRequiredService<IOptionsMonitor<ConsoleLoggerOptions>>().CurrentValue.FormatterName.ShouldBe(ConsoleFormatterNames.Json);
        app.Services.GetRequiredService<IOptionsMonitor<JsonConsoleFormatterOptions>>().CurrentValue.IncludeScopes.ShouldBeTrue();
        var tracking = app.Services.GetRequiredService<IOptions<LoggerFactoryOptions>>().Value.ActivityTrackingOptions;
        tracking.HasFlag(ActivityTrackingOptions.TraceId).ShouldBeTrue();
        tracking.HasFlag(ActivityTrackingOptions.SpanId).ShouldBeTrue();
    }

    [Fact]
    public async Task Logging_FrameworkLevelConfigured_ConfigurationWins()
    {
        await using var app = Program.BuildGateway(["--Logging:LogLevel:Microsoft.AspNetCore=Information"]);

        app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Microsoft.AspNetCore.Hosting.Diagnostics").IsEnabled(LogLevel.Information).ShouldBeTrue();
    }
}
