using System.Text.Json;

namespace Airgate.JsonSchema.Compilation;

/// <summary>One registered or compiled JSON document; its identity keys the compiled-node cache.</summary>
internal sealed class SchemaDocument(Uri uri, JsonElement root)
{
    public Uri Uri { get; } = uri;

    public JsonElement Root { get; } = root;
}
