using Airgate.Core.Parameters;
using Airgate.Health;
using Airgate.Storage;

namespace Airgate.Hosting;

/// <summary>Registers the run store (SQLite by default, PostgreSQL by configuration; migrated at start) and the conf layout.</summary>
internal static class StorageSetup
{
    public static WebApplicationBuilder AddRunStorage(this WebApplicationBuilder builder)
    {
        builder.Services.AddRunStore();
        builder.Services.AddTriggerConf();
        builder.Services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database", tags: [HealthEndpoints.ReadyTag]);
        return builder;
    }
}
