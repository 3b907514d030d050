using System.Text.Json;

namespace Airgate.JsonSchema;

/// <summary>Schema documents keyed by URI, for <c>$ref</c> to reach; the 2020-12 meta-schemas are always present.</summary>
public sealed class SchemaRegistry
{
    /// <summary>Adds a document under <paramref name="uri"/>; its <c>$id</c>s and anchors become reachable too.</summary>
    public void Register(Uri uri, JsonElement document) => throw new NotImplementedException();
}
