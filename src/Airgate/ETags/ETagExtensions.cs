namespace Airgate.ETags;

/// <summary>Declares that an endpoint answers <c>ETag</c> and honours <c>If-None-Match</c> (the document reads the marker).</summary>
internal static class ETagExtensions
{
    public static TBuilder WithETag<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder
    {
        builder.AddEndpointFilter<TBuilder, ETagFilter>();
        builder.WithMetadata(ETagMetadata.Instance);
        return builder;
    }
}
