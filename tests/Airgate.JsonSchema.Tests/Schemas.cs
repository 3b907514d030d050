using System.Text.Json;

namespace Airgate.JsonSchema.Tests;

/// <summary>Small helpers to write schemas and instances inline.</summary>
internal static class Schemas
{
    public static JsonElement Json(string text) => JsonDocument.Parse(text, new JsonDocumentOptions { MaxDepth = 100_000 }).RootElement.Clone();

    public static CompiledSchema Compile(string schema, SchemaOptions? options = null) => CompiledSchema.Compile(Json(schema), options);
}
