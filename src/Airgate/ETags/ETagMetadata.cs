namespace Airgate.ETags;

/// <summary>Endpoint metadata: the endpoint answers <c>ETag</c>, and 304 to a matching <c>If-None-Match</c>.</summary>
internal sealed class ETagMetadata
{
    public static readonly ETagMetadata Instance = new();

    private ETagMetadata()
    {
    }
}
