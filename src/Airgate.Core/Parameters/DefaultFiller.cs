using System.Text.Json;
using System.Text.Json.Nodes;
using Airgate.Core.Registry;

namespace Airgate.Core.Parameters;

/// <summary>
/// Fills <c>const</c> and <c>default</c> values into a parameter object before validation. For an object instance it
/// follows the schema's <c>properties</c>, then its local <c>$ref</c> and every <c>allOf</c> entry (so inherited
/// defaults under <c>$defs</c> count); a missing property takes its subschema's <c>const</c>, else its <c>default</c>
/// (looked up through that subschema's <c>$ref</c>/<c>allOf</c> too); a <c>"default": null</c> means "not set" and fills nothing. It descends into nested objects that are present
/// (given or just filled) and into each object element of an array through <c>items</c>. It never overwrites a value
/// the client gave (null included), and never guesses through <c>anyOf</c>, <c>oneOf</c>, <c>if</c>/<c>then</c> or
/// <c>additionalProperties</c>, where which branch applies is not known before validation.
/// </summary>
public static class DefaultFiller
{
    private const int MaxDepth = 64;

    /// <summary>Returns a filled copy of <paramref name="parameters"/>; the input is not changed.</summary>
    public static JsonObject Fill(JsonObject parameters, JsonElement rootSchema)
    {
        var copy = parameters.DeepClone().AsObject();
        FillValue(copy, rootSchema, rootSchema, 0);
        return copy;
    }

    private static void FillValue(JsonNode? instance, JsonElement schema, JsonElement root, int depth)
    {
        if (depth > MaxDepth || instance is null)
        {
            return;
        }

        foreach (var applicable in Applicable(schema, root))
        {
            if (instance is JsonObject target && applicable.TryGetProperty("properties", out var properties) && properties.ValueKind == JsonValueKind.Object)
            {
                foreach (var property in properties.EnumerateObject())
                {
                    if (!target.ContainsKey(property.Name) && FindValue(property.Value, root) is { } value)
                    {
                        target[property.Name] = JsonNode.Parse(value.GetRawText());
                    }

                    if (target.TryGetPropertyValue(property.Name, out var child))
                    {
                        FillValue(child, property.Value, root, depth + 1);
                    }
                }
            }

            if (instance is JsonArray array && applicable.TryGetProperty("items", out var items) && items.ValueKind == JsonValueKind.Object)
            {
                foreach (var element in array)
                {
                    FillValue(element, items, root, depth + 1);
                }
            }
        }
    }

    /// <summary>The schemas of each top-level parameter, found as defaults are (through the root's local <c>$ref</c> and <c>allOf</c>), with each one's own <c>$ref</c>/<c>allOf</c> too.</summary>
    internal static IEnumerable<(string Name, JsonElement Schema)> ParameterSchemas(JsonElement rootSchema)
    {
        foreach (var applicable in Applicable(rootSchema, rootSchema))
        {
            if (applicable.TryGetProperty("properties", out var properties) && properties.ValueKind == JsonValueKind.Object)
            {
                foreach (var property in properties.EnumerateObject())
                {
                    foreach (var schema in Applicable(property.Value, rootSchema))
                    {
                        yield return (property.Name, schema);
                    }
                }
            }
        }
    }

    /// <summary>The const (preferred) or default of a subschema, looked up through its local $ref and allOf.</summary>
    private static JsonElement? FindValue(JsonElement schema, JsonElement root)
    {
        var applicable = Applicable(schema, root).ToList();
        foreach (var keyword in (string[])["const", "default"])
        {
            foreach (var candidate in applicable)
            {
                if (candidate.TryGetProperty(keyword, out var value))
                {
                    // "default": null means "not set" (nf-schema, nextflow.config): the parameter stays absent.
                    return keyword == "default" && value.ValueKind == JsonValueKind.Null ? null : value;
                }
            }
        }

        return null;
    }

    /// <summary>The schema itself, then what its local <c>$ref</c> and <c>allOf</c> entries reach, each once.</summary>
    private static IEnumerable<JsonElement> Applicable(JsonElement schema, JsonElement root)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Queue<JsonElement>([schema]);
        while (pending.Count > 0 && seen.Count < MaxDepth)
        {
            var current = pending.Dequeue();
            if (current.ValueKind != JsonValueKind.Object || !seen.Add(current.GetRawText()))
            {
                continue;
            }

            yield return current;
            if (current.TryGetProperty("$ref", out var reference) && reference.GetString() is { } text && Resolve(root, text) is { } target)
            {
                pending.Enqueue(target);
            }

            if (current.TryGetProperty("allOf", out var allOf) && allOf.ValueKind == JsonValueKind.Array)
            {
                foreach (var entry in allOf.EnumerateArray())
                {
                    pending.Enqueue(entry);
                }
            }
        }
    }

    private static JsonElement? Resolve(JsonElement root, string reference)
    {
        if (!reference.StartsWith('#'))
        {
            return null;
        }

        var current = root;
        foreach (var token in JsonPointer.Tokens(Uri.UnescapeDataString(reference[1..])))
        {
            if (current.ValueKind == JsonValueKind.Object && current.TryGetProperty(token, out var next))
            {
                current = next;
            }
            else if (current.ValueKind == JsonValueKind.Array && int.TryParse(token, out var index) && index >= 0 && index < current.GetArrayLength())
            {
                current = current[index];
            }
            else
            {
                return null;
            }
        }

        return current;
    }
}
