using System.Text.Json.Nodes;

namespace Airgate.Core.Registry.Tests;

/// <summary>Small builders for registry files, so each test shows only what it is about.</summary>
internal static class Files
{
    public static RegistrySnapshot Load(params (string File, string Json)[] files) =>
        RegistryLoader.Load(files.Select(f => new KeyValuePair<string, string>(f.File, f.Json)));

    public static string Native(string id, string schema = """{"type": "object"}""", string? inherits = null, string name = "", string version = "1.0.0", bool runnable = true) =>
        $$"""
        {
          "id": "{{id}}",
          "name": "{{(name.Length == 0 ? id : name)}}",
          "version": "{{version}}",
          "runnable": {{(runnable ? "true" : "false")}},
          "inherits": {{inherits ?? "[]"}},
          "parameters_schema": {{schema}}
        }
        """;

    public static string Compatible(string id, string schema = """{"type": "object"}""", string? inherits = null, string name = "", string version = "1.0.0", bool runnable = true) =>
        $$"""
        {
          "pipelineId": "{{id}}",
          "pipelineName": "{{(name.Length == 0 ? id : name)}}",
          "version": "{{version}}",
          "pipelineRunnable": {{(runnable ? "true" : "false")}},
          "inherits": {{inherits ?? "[]"}},
          "parametersSchema": {{schema}}
        }
        """;

    public static string Manifest(string dagId, params string[] pipelines) =>
        new JsonObject { ["dag_id"] = dagId, ["pipelines"] = new JsonArray([.. pipelines.Select(p => (JsonNode?)p)]) }.ToJsonString();

    /// <summary>A child schema that extends <paramref name="parentKey"/> the way SPEC 2.1 shows.</summary>
    public static string Extends(string parentKey, string properties = "{}") =>
        $$"""
        {
          "type": "object",
          "allOf": [{"$ref": "#/$defs/{{parentKey}}"}],
          "properties": {{properties}},
          "unevaluatedProperties": false
        }
        """;
}
