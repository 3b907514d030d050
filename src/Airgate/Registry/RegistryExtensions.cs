namespace Airgate.Registry;

internal static class RegistryExtensions
{
    public static WebApplicationBuilder AddRegistry(this WebApplicationBuilder builder) => builder;
}
