using System.Text.Json.Nodes;
using Airgate.AirflowEmulator.Http;

namespace Airgate.AirflowEmulator.Monitor;

/// <summary>The two unauthenticated routes: version and health.</summary>
internal static class MonitorEndpoints
{
    public static IEndpointRouteBuilder MapMonitor(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v2/version", GetVersion).WithName("GetVersion");
        app.MapGet("/api/v2/monitor/health", GetHealth).WithName("GetHealth");
        return app;
    }

    private static IResult GetVersion(EmulatorOptions options) =>
        AirflowResults.Json(new JsonObject { ["version"] = options.EffectiveAirflowVersion, ["git_version"] = null });

    private static IResult GetHealth(TimeProvider time)
    {
        var heartbeat = Wire.Format(time.GetUtcNow().AddSeconds(-2));
        return AirflowResults.Json(new JsonObject
        {
            ["metadatabase"] = new JsonObject { ["status"] = "healthy" },
            ["scheduler"] = new JsonObject { ["status"] = "healthy", ["latest_scheduler_heartbeat"] = heartbeat },
            ["triggerer"] = new JsonObject { ["status"] = "healthy", ["latest_triggerer_heartbeat"] = heartbeat },
            ["dag_processor"] = new JsonObject { ["status"] = "healthy", ["latest_dag_processor_heartbeat"] = heartbeat },
        });
    }
}
