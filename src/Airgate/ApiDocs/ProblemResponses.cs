using Microsoft.AspNetCore.Http.Metadata;

namespace Airgate.ApiDocs;

/// <summary>Declares the problem statuses an endpoint can answer, each as <c>application/problem+json</c> with the one Problem schema.</summary>
internal static class ProblemResponses
{
    public const string ContentType = "application/problem+json";

    /// <summary>What a read that asks Airflow can answer besides 200: bad ids or query, unknown resource, Airflow failures.</summary>
    public static readonly int[] AirflowRead = [400, 404, 502, 503, 504];

    public static TBuilder ProducesProblems<TBuilder>(this TBuilder builder, params int[] statuses)
        where TBuilder : IEndpointConventionBuilder
    {
        foreach (var status in statuses)
        {
            builder.WithMetadata(new ProducesResponseTypeMetadata(status, typeof(ProblemBody), [ContentType]));
        }

        return builder;
    }
}
