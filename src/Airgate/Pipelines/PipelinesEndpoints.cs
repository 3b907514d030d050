namespace Airgate.Pipelines;

internal static class PipelinesEndpoints
{
    public static IEndpointRouteBuilder MapPipelines(this IEndpointRouteBuilder routes) => routes;
}
