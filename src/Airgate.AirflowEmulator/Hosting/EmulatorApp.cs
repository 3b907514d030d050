using Airgate.AirflowEmulator.Auth;
using Airgate.AirflowEmulator.Control;
using Airgate.AirflowEmulator.DagRuns;
using Airgate.AirflowEmulator.Dags;
using Airgate.AirflowEmulator.Monitor;
using Airgate.AirflowEmulator.TaskInstances;
using Microsoft.AspNetCore.TestHost;

namespace Airgate.AirflowEmulator.Hosting;

/// <summary>Builds one host (Kestrel or in-memory) over the shared emulator state: the table of contents of the emulator.</summary>
internal static class EmulatorApp
{
    public static WebApplication Build(AirflowEmulator owner, Emulation emulation, EmulatorFaults faults, TokenIssuer tokens, RequestRecorder recorder, string? url)
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
        builder.Services.AddSingleton(owner);
        builder.Services.AddSingleton(faults);
        builder.Services.AddSingleton(recorder);

        var app = builder.Build();
        var faultMiddleware = new FaultMiddleware(faults, inMemory: url is null);
        if (emulation.Options.Mwaa is { } mwaa)
        {
            // Outermost: only signed InvokeRestApi envelopes get in, as the Airflow request each stands for.
            app.Use(new Mwaa.MwaaLayer(mwaa, emulation.Options.Api, emulation.Time).InvokeAsync);
        }

        if (emulation.Options.Api == EmulatedApi.V1)
        {
            // Before routing: /api/v1 requests are mapped onto the /api/v2 endpoints, and their answers back.
            app.Use(new V1.V1Layer(emulation.Options, recorder).InvokeAsync);
        }

        // Routing first, so the recorder can name the operation each request was for.
        app.UseRouting();
        app.Use(recorder.InvokeAsync);
        app.Use(faultMiddleware.InvokeAsync);
        app.UseFastApiStatusPages();

        app.MapAuth();
        app.MapMonitor();
        app.MapControl();
        var api = app.MapGroup("/api/v2").AddEndpointFilter<BearerAuthFilter>();
        api.MapDags();
        api.MapDagRuns();
        api.MapTaskInstances();
        return app;
    }
}
