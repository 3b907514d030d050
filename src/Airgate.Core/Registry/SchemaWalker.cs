using System.Text.Json.Nodes;

namespace Airgate.Core.Registry;

/// <summary>Visits every subschema of a 2020-12 schema (never the values of <c>default</c>, <c>const</c>, <c>enum</c> or <c>examples</c>).</summary>
internal static class SchemaWalker
{
    private static readonly string[] SingleSchemaKeywords =
        ["items", "additionalProperties", "unevaluatedProperties", "unevaluatedItems", "contains", "propertyNames", "not", "if", "then", "else", "contentSchema", "additionalItems"];

    private static readonly string[] SchemaMapKeywords = ["properties", "patternProperties", "$defs", "definitions", "dependentSchemas"];

    private static readonly string[] SchemaArrayKeywords = ["allOf", "anyOf", "oneOf", "prefixItems", "items"];

    /// <summary>Every object subschema with its JSON Pointer relative to <paramref name="root"/>, the root first.</summary>
    public static IEnumerable<(string Pointer, JsonObject Schema)> ObjectSchemas(JsonNode? root, string pointer = "")
    {
        if (root is not JsonObject schema)
        {
            yield break;
        }

        yield return (pointer, schema);
        foreach (var keyword in SingleSchemaKeywords)
        {
            if (schema[keyword] is JsonObject child)
            {
                foreach (var inner in ObjectSchemas(child, JsonPointer.Append(pointer, keyword)))
                {
                    yield return inner;
                }
            }
        }

        foreach (var keyword in SchemaMapKeywords)
        {
            if (schema[keyword] is JsonObject map)
            {
                foreach (var (name, child) in map)
                {
                    foreach (var inner in ObjectSchemas(child, JsonPointer.Append(JsonPointer.Append(pointer, keyword), name)))
                    {
                        yield return inner;
                    }
                }
            }
        }

        foreach (var keyword in SchemaArrayKeywords)
        {
            if (schema[keyword] is JsonArray array)
            {
                for (var i = 0; i < array.Count; i++)
                {
                    foreach (var inner in ObjectSchemas(array[i], JsonPointer.Append(JsonPointer.Append(pointer, keyword), i)))
                    {
                        yield return inner;
                    }
                }
            }
        }
    }
}
