namespace Airgate.Registry;

internal static class RegistryEndpoints
{
    public static IEndpointRouteBuilder MapRegistry(this IEndpointRouteBuilder routes) => routes;
}
