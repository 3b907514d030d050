using Airgate.Core.Registry;
using Airgate.ETags;
using Airgate.Pipelines;

namespace Airgate.Registry;

/// <summary><c>GET /registry/problems</c>: files left out of the registry and why, for the teams that keep them.</summary>
internal static class RegistryEndpoints
{
    public static IEndpointRouteBuilder MapRegistry(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/registry/problems", ListProblems)
            .WithTags("Registry")
            .WithETag()
            .WithName("ListRegistryProblems")
            .WithSummary("Every problem found in the registry directory (file, JSON pointer, message).");
        return routes;
    }

    internal static RegistryProblemList ListProblems(IPipelineRegistry registry)
    {
        var snapshot = registry.Current;
        return SnapshotAnswers.For(snapshot, "problems", () => new RegistryProblemList(snapshot.Problems, snapshot.Problems.Count));
    }
}
