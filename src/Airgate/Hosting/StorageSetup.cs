namespace Airgate.Hosting;

/// <summary>Registers the run store (SQLite by default, PostgreSQL by configuration).</summary>
internal static class StorageSetup
{
    public static WebApplicationBuilder AddRunStorage(this WebApplicationBuilder builder) => builder;
}
