namespace Airgate.Runs;

internal static class RunsEndpoints
{
    public static IEndpointRouteBuilder MapRuns(this IEndpointRouteBuilder routes) => routes;
}
