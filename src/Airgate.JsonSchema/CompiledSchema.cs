using System.Text.Json;

namespace Airgate.JsonSchema;

/// <summary>A JSON Schema (draft 2020-12) compiled once into an immutable, thread-safe validator.</summary>
public sealed class CompiledSchema
{
    private CompiledSchema()
    {
    }

    /// <summary>Compiles a schema document; throws <see cref="InvalidSchemaException"/> when it cannot be compiled.</summary>
    public static CompiledSchema Compile(JsonElement schema, SchemaOptions? options = null) =>
        throw new NotImplementedException();

    /// <summary>Compiles the schema found at <paramref name="uri"/> (a fragment may point inside a registered document).</summary>
    public static CompiledSchema Compile(Uri uri, SchemaOptions options) =>
        throw new NotImplementedException();

    /// <summary>Evaluates an instance and collects every error, up to <see cref="EvaluationOptions.MaxErrors"/>.</summary>
    public EvaluationResult Evaluate(JsonElement instance, EvaluationOptions? options = null) =>
        throw new NotImplementedException();

    /// <summary>Answers whether the instance is valid, stopping at the first failure.</summary>
    public bool IsValid(JsonElement instance) => throw new NotImplementedException();
}
