using Airgate.ApiDocs;
using Airgate.Core.Registry;
using Airgate.ETags;
using Airgate.Problems;
using Airgate.Requests;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Airgate.Pipelines;

/// <summary>The profile registry: <c>GET /pipelines</c> and <c>GET /pipelines/{id}</c> (id or <c>name@version</c>).</summary>
internal static class PipelinesEndpoints
{
    private const int MaxReferenceLength = 300;

    public static IEndpointRouteBuilder MapPipelines(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/pipelines").WithTags("Pipelines").WithETag().ProducesProblems(400, 404);
        group.MapGet("/", ListPipelines).WithName("ListPipelines").WithSummary("Every loaded profile, resolved.");
        group.MapGet("/{id}", GetPipeline).WithName("GetPipeline").WithSummary("One profile by id or name@version.");
        return routes;
    }

    internal static Results<Ok<PipelineList>, ProblemHttpResult> ListPipelines(ListPipelinesQuery query, IPipelineRegistry registry)
    {
        var (limit, offset, runnable) = (query.Limit, query.Offset, query.Runnable);
        if (query.Errors.Count > 0)
        {
            return InvalidRequestProblems.InvalidParameters(query.Errors);
        }

        var snapshot = registry.Current;
        return TypedResults.Ok(SnapshotAnswers.For(snapshot, $"list?{limit}&{offset}&{runnable}", () =>
        {
            var profiles = snapshot.Profiles.Where(p => runnable is null || p.Profile.Runnable == runnable).ToList();
            return new PipelineList([.. profiles.Skip(offset).Take(limit).Select(PipelineResponse.From)], profiles.Count);
        }));
    }

    internal static Results<Ok<PipelineResponse>, ProblemHttpResult> GetPipeline(string id, IPipelineRegistry registry)
    {
        if (id.Length > MaxReferenceLength)
        {
            return Problem.BadRequest($"'id' must be at most {MaxReferenceLength} characters.");
        }

        var snapshot = registry.Current;
        return snapshot.FindProfile(id) is { } profile
            ? TypedResults.Ok(SnapshotAnswers.For(snapshot, "profile/" + profile.Id, () => PipelineResponse.From(profile)))
            : Problem.NotFound($"No pipeline profile has the id or name@version '{id}'.");
    }
}
