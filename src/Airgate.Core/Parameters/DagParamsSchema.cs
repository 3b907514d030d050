using System.Text.Json;
using System.Text.Json.Nodes;
using Airgate.JsonSchema;

namespace Airgate.Core.Parameters;

/// <summary>
/// One JSON Schema object built from a DAG's Airflow Params: each Param's <c>schema</c> becomes a property, its
/// non-null <c>value</c> the property's <c>default</c>, its description the property's (when the schema has none). A
/// Param is required when it has no default (value absent or null) and its schema rejects null, which is exactly when
/// Airflow itself would refuse a run that does not set it. Unknown keys stay allowed, as Airflow allows them in conf.
/// A Param whose schema cannot be compiled is checked as <c>{}</c> and listed in <see cref="Problems"/>.
/// </summary>
public sealed class DagParamsSchema
{
    private DagParamsSchema(JsonElement schema, CompiledSchema validator, IReadOnlyList<string> problems)
    {
        Schema = schema;
        Validator = validator;
        Problems = problems;
    }

    public static DagParamsSchema Empty { get; } = Build(JsonSerializer.SerializeToElement(new JsonObject()));

    public JsonElement Schema { get; }

    public CompiledSchema Validator { get; }

    /// <summary>Params whose schema could not be used, for the DAG's authors (not the client's fault).</summary>
    public IReadOnlyList<string> Problems { get; }

    /// <summary>Builds from Airflow's <c>params</c> object: <c>{"name": {"__class", "value", "description", "schema"}}</c>.</summary>
    public static DagParamsSchema Build(JsonElement airflowParams)
    {
        var properties = new JsonObject();
        var required = new JsonArray();
        var problems = new List<string>();
        if (airflowParams.ValueKind == JsonValueKind.Object)
        {
            foreach (var param in airflowParams.EnumerateObject())
            {
                var (property, isRequired) = Property(param.Name, param.Value, problems);
                properties[param.Name] = property;
                if (isRequired)
                {
                    required.Add(param.Name);
                }
            }
        }

        var schema = new JsonObject { ["type"] = "object", ["properties"] = properties };
        if (required.Count > 0)
        {
            schema["required"] = required;
        }

        var element = JsonSerializer.SerializeToElement(schema);
        return new DagParamsSchema(element, CompiledSchema.Compile(element), problems);
    }

    private static (JsonObject Property, bool Required) Property(string name, JsonElement param, List<string> problems)
    {
        // A serialized Param is an object with "value" and "schema"; anything else is a plain default value.
        var isParam = param.ValueKind == JsonValueKind.Object && (param.TryGetProperty("schema", out _) || param.TryGetProperty("__class", out _));
        JsonElement? value = isParam ? (param.TryGetProperty("value", out var v) ? v : null) : param;
        var schemaElement = isParam && param.TryGetProperty("schema", out var s) && s.ValueKind is JsonValueKind.Object ? s : (JsonElement?)null;

        CompiledSchema? own = null;
        if (schemaElement is { } candidate)
        {
            try
            {
                own = CompiledSchema.Compile(candidate);
            }
            catch (InvalidSchemaException exception)
            {
                problems.Add($"The schema of Param '{name}' cannot be compiled ({exception.Message}); its values are not checked.");
                schemaElement = null;
            }
        }

        var property = schemaElement is { } usable ? JsonNode.Parse(usable.GetRawText())?.AsObject() ?? [] : [];
        var hasDefault = value is { ValueKind: not (JsonValueKind.Null or JsonValueKind.Undefined) };
        if (hasDefault && value is { } defaultValue)
        {
            property["default"] = JsonNode.Parse(defaultValue.GetRawText());
        }

        if (isParam && !property.ContainsKey("description") && param.TryGetProperty("description", out var description) && description.ValueKind == JsonValueKind.String)
        {
            property["description"] = description.GetString();
        }

        var acceptsNull = own?.IsValid(JsonSerializer.SerializeToElement<JsonNode?>(null)) ?? true;
        return (property, !hasDefault && !acceptsNull);
    }
}
