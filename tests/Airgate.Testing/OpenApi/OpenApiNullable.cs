using System.Text.Json;
using System.Text.Json.Nodes;

namespace Airgate.Testing.OpenApi;

/// <summary>Rewrites OpenAPI 3.0's <c>nullable: true</c> (which Airflow's 3.1 documents still use) into JSON Schema that admits null.</summary>
public static class OpenApiNullable
{
    private static readonly HashSet<string> Annotations = new(StringComparer.Ordinal) { "title", "description", "default", "example", "examples", "deprecated", "readOnly", "writeOnly" };

    /// <summary>Rewrites every schema object in the tree, in place.</summary>
    public static void Rewrite(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var child in obj.Select(p => p.Value).ToList())
                {
                    Rewrite(child);
                }

                RewriteObject(obj);
                break;
            case JsonArray array:
                foreach (var child in array.ToList())
                {
                    Rewrite(child);
                }

                break;
        }
    }

    private static void RewriteObject(JsonObject schema)
    {
        if (schema["nullable"] is not JsonValue flag || flag.GetValueKind() is not (JsonValueKind.True or JsonValueKind.False))
        {
            return;
        }

        schema.Remove("nullable");
        if (flag.GetValueKind() == JsonValueKind.False)
        {
            return;
        }

        switch (schema["type"])
        {
            case JsonValue single:
                schema["type"] = new JsonArray(single.GetValue<string>(), "null");
                AddNullToEnum(schema);
                return;
            case JsonArray many:
                if (!many.Any(t => t?.GetValue<string>() == "null"))
                {
                    many.Add("null");
                }

                AddNullToEnum(schema);
                return;
        }

        // No type: the constraints ($ref, enum, anyOf, ...) would refuse null, so offer null beside them.
        var constraints = schema.Where(p => !Annotations.Contains(p.Key)).Select(p => p.Key).ToList();
        if (constraints.Count == 0)
        {
            return;
        }

        var inner = new JsonObject();
        foreach (var key in constraints)
        {
            var value = schema[key];
            schema.Remove(key);
            inner[key] = value;
        }

        schema["anyOf"] = new JsonArray(inner, new JsonObject { ["type"] = "null" });
    }

    private static void AddNullToEnum(JsonObject schema)
    {
        if (schema["enum"] is JsonArray values && !values.Any(v => v is null))
        {
            values.Add(null);
        }
    }
}
