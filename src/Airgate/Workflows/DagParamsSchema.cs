using System.Text.Json;
using System.Text.Json.Nodes;
using Airgate.Airflow.Models;

namespace Airgate.Workflows;

/// <summary>Turns a DAG's Airflow Params into one JSON Schema for a manifest-less workflow (placeholder until Core's builder lands).</summary>
internal static class DagParamsSchema
{
    public static JsonElement Build(IReadOnlyDictionary<string, AirflowParam> parameters)
    {
        var properties = new JsonObject();
        foreach (var (name, param) in parameters)
        {
            var schema = param.Schema is { ValueKind: JsonValueKind.Object } s ? JsonNode.Parse(s.GetRawText())!.AsObject() : [];
            if (param.Value is { ValueKind: not JsonValueKind.Null } value)
            {
                schema["default"] = JsonNode.Parse(value.GetRawText());
            }

            if (param.Description is not null && !schema.ContainsKey("description"))
            {
                schema["description"] = param.Description;
            }

            properties[name] = schema;
        }

        return JsonSerializer.SerializeToElement(new JsonObject { ["type"] = "object", ["properties"] = properties });
    }
}
