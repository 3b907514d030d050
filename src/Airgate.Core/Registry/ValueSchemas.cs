using System.Text.Json.Nodes;

namespace Airgate.Core.Registry;

/// <summary>
/// Finds the subschemas of a resolved parameter schema that describe a value inside the parameter object: reached from
/// the root through <c>properties</c>, <c>items</c> and the like, following in-place applicators and local
/// <c>$ref</c>s on the way. A <c>default</c> anywhere else (the root, an <c>allOf</c>-joined <c>$defs</c> group, an
/// unused definition) can never be filled in, so a wrong one there is only a warning (SPEC 2.2).
/// </summary>
internal static class ValueSchemas
{
    private static readonly string[] InPlaceSingle = ["not", "if", "then", "else"];
    private static readonly string[] InPlaceArrays = ["allOf", "anyOf", "oneOf"];
    private static readonly string[] ValueSingle = ["items", "additionalProperties", "unevaluatedProperties", "unevaluatedItems", "contains", "additionalItems"];
    private static readonly string[] ValueMaps = ["properties", "patternProperties"];

    /// <summary>The JSON Pointers (into <paramref name="root"/>) of every subschema that describes a value.</summary>
    public static IReadOnlySet<string> Find(JsonNode? root)
    {
        var values = new HashSet<string>(StringComparer.Ordinal);
        var seen = new HashSet<(string, bool)>();
        var pending = new Stack<(string Pointer, bool IsValue)>();
        pending.Push((string.Empty, false));
        while (pending.Count > 0)
        {
            var (pointer, isValue) = pending.Pop();
            if (!seen.Add((pointer, isValue)) || Resolve(root, pointer) is not JsonObject schema)
            {
                continue;
            }

            if (isValue)
            {
                values.Add(pointer);
            }

            if (schema["$ref"] is JsonValue reference && reference.TryGetValue<string>(out var text) && text.StartsWith('#'))
            {
                pending.Push((Uri.UnescapeDataString(text[1..]), isValue));
            }

            foreach (var keyword in InPlaceSingle)
            {
                pending.Push((JsonPointer.Append(pointer, keyword), isValue));
            }

            foreach (var keyword in InPlaceArrays)
            {
                PushArray(schema, pointer, keyword, isValue, pending);
            }

            PushMap(schema, pointer, "dependentSchemas", isValue, pending);
            foreach (var keyword in ValueSingle)
            {
                pending.Push((JsonPointer.Append(pointer, keyword), true));
            }

            foreach (var keyword in ValueMaps)
            {
                PushMap(schema, pointer, keyword, isValue: true, pending);
            }

            PushArray(schema, pointer, "prefixItems", isValue: true, pending);
            PushArray(schema, pointer, "items", isValue: true, pending);
        }

        return values;
    }

    private static void PushArray(JsonObject schema, string pointer, string keyword, bool isValue, Stack<(string, bool)> pending)
    {
        if (schema[keyword] is JsonArray array)
        {
            for (var i = 0; i < array.Count; i++)
            {
                pending.Push((JsonPointer.Append(JsonPointer.Append(pointer, keyword), i), isValue));
            }
        }
    }

    private static void PushMap(JsonObject schema, string pointer, string keyword, bool isValue, Stack<(string, bool)> pending)
    {
        if (schema[keyword] is JsonObject map)
        {
            foreach (var (name, _) in map)
            {
                pending.Push((JsonPointer.Append(JsonPointer.Append(pointer, keyword), name), isValue));
            }
        }
    }

    private static JsonNode? Resolve(JsonNode? root, string pointer)
    {
        var current = root;
        foreach (var token in JsonPointer.Tokens(pointer))
        {
            current = current switch
            {
                JsonObject obj => obj[token],
                JsonArray array when int.TryParse(token, out var index) && index >= 0 && index < array.Count => array[index],
                _ => null,
            };
            if (current is null)
            {
                return null;
            }
        }

        return current;
    }
}
