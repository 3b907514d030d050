using System.Text.Json;
using System.Text.Json.Serialization;

namespace Airgate.Airflow.Models;

/// <summary>One serialized Airflow Param: <c>{"__class", "value", "description", "schema"}</c>.</summary>
public sealed record AirflowParam
{
    /// <summary>The Python class Airflow serialized, e.g. <c>airflow.sdk.definitions.param.Param</c>.</summary>
    [JsonPropertyName("__class")]
    public string? Class { get; init; }

    /// <summary>The default value, or null.</summary>
    public JsonElement? Value { get; init; }

    /// <summary>The Param's description.</summary>
    public string? Description { get; init; }

    /// <summary>The Param's JSON Schema; <c>{}</c> for a plain value.</summary>
    public JsonElement? Schema { get; init; }
}
