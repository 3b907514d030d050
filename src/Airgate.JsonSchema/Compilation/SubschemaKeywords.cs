namespace Airgate.JsonSchema.Compilation;

/// <summary>Which keywords hold subschemas and in what shape, so identifiers are found only where a schema can be.</summary>
internal static class SubschemaKeywords
{
    public static readonly HashSet<string> Single = new(StringComparer.Ordinal)
    {
        "additionalProperties", "unevaluatedProperties", "unevaluatedItems", "items", "contains",
        "propertyNames", "not", "if", "then", "else", "additionalItems",
    };

    public static readonly HashSet<string> Map = new(StringComparer.Ordinal)
    {
        "$defs", "definitions", "properties", "patternProperties", "dependentSchemas", "dependencies",
    };

    public static readonly HashSet<string> Array = new(StringComparer.Ordinal)
    {
        "allOf", "anyOf", "oneOf", "prefixItems", "items",
    };
}
