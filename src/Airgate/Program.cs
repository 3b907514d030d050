using Airgate.ApiDocs;
using Airgate.Auth;
using Airgate.Cli;
using Airgate.Compression;
using Airgate.Configuration;
using Airgate.Health;
using Airgate.Hosting;
using Airgate.Launchpad;
using Airgate.Pipelines;
using Airgate.Presets;
using Airgate.Problems;
using Airgate.Registry;
using Airgate.Runs;
using Airgate.Telemetry;
using Airgate.Workflows;

return await AirgateCommandLine.InvokeAsync(args);

/// <summary>The gateway's composition root: one line per concern.</summary>
public partial class Program
{
    internal static WebApplication BuildGateway(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.AddSettingsBesideExecutable();
        configure?.Invoke(builder);

        builder.AddConfigurationChecks();
        builder.AddTelemetry();
        builder.AddProblems();
        builder.AddAirflow();
        builder.AddRegistry();
        builder.AddCatalog();
        builder.AddRunStorage();
        builder.AddRuns();
        builder.AddAirgateAuth();
        builder.AddApiDocs();
        builder.AddLaunchpad();
        builder.AddCompression();

        var app = builder.Build();
        // First, so every answer after it (problems included) may be compressed.
        app.UseResponseCompression();
        app.UseProblems();
        app.UseTelemetry();
        app.UseAirgateAuth();

        var api = app.MapGroup("/api/v1").RequireAirgateUser();
        api.MapWorkflows();
        api.MapRuns();
        api.MapPresets();
        api.MapCurrentUser();
        api.MapPipelines();
        api.MapRegistry();
        app.MapHealth();
        app.MapApiDocs();
        app.MapLaunchpad();
        return app;
    }
}
