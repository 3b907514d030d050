using System.Reflection;
using Airgate.Problems;
using Npgsql;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Airgate.Telemetry;

/// <summary>
/// OpenTelemetry traces and metrics (ASP.NET Core, the Airflow HttpClient, Npgsql, the <c>Airgate</c> meter), Prometheus
/// text at <c>/metrics</c>, OTLP when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set, JSON console logs carrying trace and span
/// ids, and framework request logs at Warning unless configured otherwise (README "Observability").
/// </summary>
internal static class TelemetrySetup
{
    public const string ServiceName = "airgate";
    public const string MetricsPath = "/metrics";
    private const string FrameworkCategory = "Microsoft.AspNetCore";

    // Polly's telemetry logs every execution attempt at Information (about 1 KB each): library chatter, so Warning.
    private const string ResilienceCategory = "Polly";

    public static WebApplicationBuilder AddTelemetry(this WebApplicationBuilder builder)
    {
        // Information-level request logs cost about half a cached read's throughput; Warning keeps errors visible.
        if (builder.Configuration[$"Logging:LogLevel:{FrameworkCategory}"] is null)
        {
            builder.Logging.AddFilter(FrameworkCategory, LogLevel.Warning);
        }

        if (builder.Configuration[$"Logging:LogLevel:{ResilienceCategory}"] is null)
        {
            builder.Logging.AddFilter(ResilienceCategory, LogLevel.Warning);
        }

        builder.Logging.Configure(options => options.ActivityTrackingOptions = ActivityTrackingOptions.TraceId | ActivityTrackingOptions.SpanId);
        builder.Logging.AddJsonConsole(options =>
        {
            // Scopes carry TraceId and SpanId (ActivityTrackingOptions above).
            options.IncludeScopes = true;
            options.UseUtcTimestamp = true;
            options.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
        });

        builder.Services.AddSingleton<AirgateMetrics>();
        builder.Services.PostConfigure<ProblemDetailsOptions>(options =>
        {
            // Parameter errors are counted where every problem passes, so the trigger endpoint carries no metrics code.
            var customize = options.CustomizeProblemDetails;
            options.CustomizeProblemDetails = context =>
            {
                customize?.Invoke(context);
                if (context.ProblemDetails.Type == ProblemTypes.InvalidParameters
                    && context.HttpContext.GetEndpoint()?.Metadata.GetMetadata<IEndpointNameMetadata>()?.EndpointName == TriggerMetricsMiddleware.TriggerEndpointName
                    && context.ProblemDetails.Extensions.TryGetValue("errors", out var errors) && errors is System.Collections.ICollection list)
                {
                    context.HttpContext.RequestServices.GetRequiredService<AirgateMetrics>().ParameterErrorsFound(list.Count);
                }
            };
        });
        var version = typeof(TelemetrySetup).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;
        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(ServiceName, serviceVersion: version))
            .WithTracing(tracing => tracing
                .AddAspNetCoreInstrumentation(options => options.Filter = context => !IsPlumbing(context.Request.Path))
                .AddHttpClientInstrumentation()
                .AddNpgsql())
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddMeter(AirgateMetrics.MeterName)
                .AddPrometheusExporter());
        if (!string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
        {
            telemetry.UseOtlpExporter();
        }

        return builder;
    }

    public static WebApplication UseTelemetry(this WebApplication app)
    {
        app.UseMiddleware<TriggerMetricsMiddleware>();
        app.MapPrometheusScrapingEndpoint(MetricsPath).AllowAnonymous();
        return app;
    }

    private static bool IsPlumbing(PathString path) => path.StartsWithSegments(MetricsPath) || path.StartsWithSegments("/health");
}
