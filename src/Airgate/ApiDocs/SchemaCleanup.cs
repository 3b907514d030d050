using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Airgate.ApiDocs;

/// <summary>
/// Rewrites nullable members whose type is "any JSON" (<c>JsonElement</c>, <c>JsonNode</c>) or "any object"
/// (<c>JsonObject</c>): the generator writes <c>oneOf: [{type: null}, {$ref}]</c>, which <c>null</c> matches twice
/// when the referenced schema is <c>{}</c>. They become <c>{}</c> and <c>type: [object, null]</c>.
/// </summary>
internal sealed class SchemaCleanup : IOpenApiDocumentTransformer
{
    private static readonly HashSet<string> AnyJson = ["JsonElement", "JsonNode"];

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        // A JSON object of any members: without this, generators type it as an object with no members at all.
        if (document.Components?.Schemas?.TryGetValue("JsonObject", out var jsonObject) == true && jsonObject is OpenApiSchema anyObject)
        {
            anyObject.AdditionalProperties = new OpenApiSchema();
        }

        // An entry of the compatible trigger form carries its parameters under a member the profile names (its options
        // field), which no fixed property can declare.
        if (document.Components?.Schemas?.TryGetValue("PipelineConfigEntry", out var entry) == true && entry is OpenApiSchema configEntry)
        {
            configEntry.AdditionalProperties = new OpenApiSchema { Description = "The pipeline's parameters, under the profile's options field (e.g. nextflowOptions)." };
        }

        foreach (var schema in document.Components?.Schemas?.Values.OfType<OpenApiSchema>() ?? [])
        {
            if (schema.Properties is null)
            {
                continue;
            }

            foreach (var (name, property) in schema.Properties.ToList())
            {
                if (Rewrite(property) is { } rewritten)
                {
                    schema.Properties[name] = rewritten;
                }
            }
        }

        return Task.CompletedTask;
    }

    private static OpenApiSchema? Rewrite(IOpenApiSchema property)
    {
        if (property is not OpenApiSchema { OneOf: { Count: 2 } oneOf } nullable
            || !oneOf.Any(s => s is OpenApiSchema { Type: JsonSchemaType.Null })
            || oneOf.OfType<OpenApiSchemaReference>().FirstOrDefault() is not { } reference)
        {
            return null;
        }

        var description = nullable.Description ?? reference.Description;
        return reference.Reference.Id switch
        {
            { } id when AnyJson.Contains(id) => new OpenApiSchema { Description = description },
            "JsonObject" => new OpenApiSchema { Type = JsonSchemaType.Object | JsonSchemaType.Null, AdditionalProperties = new OpenApiSchema(), Description = description },
            _ => null,
        };
    }
}
