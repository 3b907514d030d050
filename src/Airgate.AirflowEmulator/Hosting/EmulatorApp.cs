using Airgate.AirflowEmulator.Auth;
using Airgate.AirflowEmulator.DagRuns;
using Airgate.AirflowEmulator.Dags;
using Airgate.AirflowEmulator.Monitor;
using Airgate.AirflowEmulator.TaskInstances;
using Microsoft.AspNetCore.TestHost;

namespace Airgate.AirflowEmulator.Hosting;

/// <summary>Builds one host (Kestrel or in-memory) over the shared emulator state: the table of contents of the emulator.</summary>
internal static class EmulatorApp
{
    public static WebApplication Build(Emulation emulation, EmulatorFaults faults, TokenIssuer tokens, RequestRecorder recorder, string? url)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(EmulatorApp).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
            Args = [],
        });
        builder.Logging.ClearProviders();
        if (url is null)
        {
            builder.WebHost.UseTestServer();
        }
        else
        {
            builder.WebHost.UseUrls(url);
        }

        builder.Services.AddSingleton(emulation);
        builder.Services.AddSingleton(emulation.Options);
        builder.Services.AddSingleton(emulation.Time);
        builder.Services.AddSingleton(tokens);
        builder.Services.AddSingleton<BearerAuthFilter>();

        var app = builder.Build();
        var faultMiddleware = new FaultMiddleware(faults, inMemory: url is null);
        app.Use(recorder.InvokeAsync);
        app.Use(faultMiddleware.InvokeAsync);
        app.UseFastApiStatusPages();
        app.UseRouting();

        app.MapAuth();
        app.MapMonitor();
        var api = app.MapGroup("/api/v2").AddEndpointFilter<BearerAuthFilter>();
        api.MapDags();
        api.MapDagRuns();
        api.MapTaskInstances();
        return app;
    }
}
