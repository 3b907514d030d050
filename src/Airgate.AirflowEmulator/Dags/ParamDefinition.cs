using System.Text.Json.Nodes;

namespace Airgate.AirflowEmulator.Dags;

/// <summary>An Airflow Param: a default (null when none) and a JSON Schema its value must satisfy.</summary>
internal sealed record ParamDefinition(string Name, JsonNode? Default, bool HasDefault, string? Description, JsonObject Schema);
