using System.Text.Json.Nodes;

namespace Airgate.Testing.OpenApi;

/// <summary>One declared parameter of an operation.</summary>
/// <param name="Name">The parameter's name.</param>
/// <param name="In"><c>path</c>, <c>query</c>, <c>header</c> or <c>cookie</c>.</param>
/// <param name="Required">Whether the spec requires it.</param>
/// <param name="Schema">Its schema (OpenAPI <c>nullable</c> already rewritten to JSON Schema), or null.</param>
public sealed record OpenApiParameter(string Name, string In, bool Required, JsonObject? Schema);
