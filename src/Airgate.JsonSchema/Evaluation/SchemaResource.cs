namespace Airgate.JsonSchema.Evaluation;

/// <summary>A schema resource (a schema with its own base URI) and the <c>$dynamicAnchor</c>s it declares.</summary>
internal sealed class SchemaResource(string uri)
{
    public string Uri { get; } = uri;

    public Dictionary<string, SchemaNode> DynamicAnchors { get; } = new(StringComparer.Ordinal);
}
