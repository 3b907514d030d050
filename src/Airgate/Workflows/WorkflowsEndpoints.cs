namespace Airgate.Workflows;

internal static class WorkflowsEndpoints
{
    public static IEndpointRouteBuilder MapWorkflows(this IEndpointRouteBuilder routes) => routes;
}
