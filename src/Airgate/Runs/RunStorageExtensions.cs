namespace Airgate.Runs;

internal static class RunStorageExtensions
{
    public static WebApplicationBuilder AddRunStorage(this WebApplicationBuilder builder) => builder;
}
