using System.Text.Json;

namespace Airgate.JsonSchema;

/// <summary>The embedded draft 2020-12 meta-schemas.</summary>
public static class MetaSchemas
{
    /// <summary>The URI of the draft 2020-12 meta-schema.</summary>
    public static readonly Uri Draft202012 = new("https://json-schema.org/draft/2020-12/schema");

    private static readonly Lazy<CompiledSchema> Compiled = new(() => CompiledSchema.Compile(Draft202012, new SchemaOptions()));

    /// <summary>Validates a schema document against the 2020-12 meta-schema, collecting every error.</summary>
    public static EvaluationResult Validate(JsonElement schema) =>
        Compiled.Value.Evaluate(schema, new EvaluationOptions { MaxErrors = int.MaxValue });
}
