using Airgate.Core.Registry;
using Airgate.Health;

namespace Airgate.Hosting;

/// <summary>Registers the pipeline-profile registry (a directory, or CAPE's DynamoDB tables) and its readiness check.</summary>
internal static class RegistrySetup
{
    public static WebApplicationBuilder AddRegistry(this WebApplicationBuilder builder)
    {
        builder.Services.AddPipelineRegistry();
        builder.Services.AddHealthChecks().AddCheck<RegistryHealthCheck>("registry", tags: [HealthEndpoints.ReadyTag]);
        return builder;
    }
}
