using Airgate.Airflow;
using Airgate.Health;
using Airgate.Workflows;

namespace Airgate.Hosting;

/// <summary>Registers the Airflow client, its readiness check and the catalog built on it.</summary>
internal static class AirflowSetup
{
    public static WebApplicationBuilder AddAirflow(this WebApplicationBuilder builder)
    {
        builder.Services.AddAirflowClient();
        builder.Services.AddMemoryCache();
        builder.Services.AddSingleton<WorkflowCatalog>();
        builder.Services.AddSingleton<AirflowProbe>();
        builder.Services.AddHealthChecks().AddCheck<AirflowHealthCheck>("airflow", tags: [HealthEndpoints.ReadyTag]);
        return builder;
    }
}
