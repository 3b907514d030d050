using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Airgate.Testing.OpenApi;

/// <summary>Reads a raw parameter value as the JSON its schema's type asks for (FastAPI's reading of query and path values).</summary>
internal sealed class OpenApiTypes(JsonObject components)
{
    private readonly JsonObject _components = components;

    public JsonValue? Coerce(string raw, JsonObject schema)
    {
        var types = TypesOf(schema);
        if (types.Count == 0)
        {
            return JsonValue.Create(raw);
        }

        var style = System.Globalization.NumberStyles.Float;
        var culture = System.Globalization.CultureInfo.InvariantCulture;
        if (types.Contains("integer") && long.TryParse(raw, System.Globalization.NumberStyles.AllowLeadingSign, culture, out var integer))
        {
            return JsonValue.Create(integer);
        }

        if (types.Contains("number") && double.TryParse(raw, style, culture, out var number) && double.IsFinite(number))
        {
            return JsonValue.Create(number);
        }

        // Pydantic's lenient booleans, as FastAPI reads them.
        if (types.Contains("boolean"))
        {
            switch (raw.ToLowerInvariant())
            {
                case "true" or "1" or "yes" or "on" or "t" or "y":
                    return JsonValue.Create(true);
                case "false" or "0" or "no" or "off" or "f" or "n":
                    return JsonValue.Create(false);
            }
        }

        return types.Contains("string") ? JsonValue.Create(raw) : null;
    }

    public HashSet<string> TypesOf(JsonObject schema)
    {
        var types = new HashSet<string>(StringComparer.Ordinal);
        Collect(schema, types, depth: 0);
        types.Remove("null");
        return types;
    }

    private void Collect(JsonObject schema, HashSet<string> types, int depth)
    {
        if (depth > 10)
        {
            return;
        }

        switch (schema["type"])
        {
            case JsonValue single when single.TryGetValue<string>(out var type):
                types.Add(type);
                break;
            case JsonArray many:
                types.UnionWith(many.OfType<JsonValue>().Select(v => v.GetValue<string>()));
                break;
        }

        if (schema["$ref"] is JsonValue reference && reference.TryGetValue<string>(out var target)
            && target.StartsWith("#/components/schemas/", StringComparison.Ordinal)
            && _components["schemas"]?[target["#/components/schemas/".Length..]] is JsonObject resolved)
        {
            Collect(resolved, types, depth + 1);
        }

        foreach (var keyword in new[] { "anyOf", "oneOf", "allOf" })
        {
            if (schema[keyword] is JsonArray branches)
            {
                foreach (var branch in branches.OfType<JsonObject>())
                {
                    Collect(branch, types, depth + 1);
                }
            }
        }

        if (schema["enum"] is JsonArray values && types.Count == 0)
        {
            types.UnionWith(values.OfType<JsonNode>().Select(v => v.GetValueKind() switch
            {
                JsonValueKind.Number => "number",
                JsonValueKind.True or JsonValueKind.False => "boolean",
                _ => "string",
            }));
        }
    }
}
