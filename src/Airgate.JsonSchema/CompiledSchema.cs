using System.Text.Json;
using Airgate.JsonSchema.Compilation;
using Airgate.JsonSchema.Evaluation;

namespace Airgate.JsonSchema;

/// <summary>A JSON Schema (draft 2020-12) compiled once into an immutable, thread-safe validator.</summary>
public sealed class CompiledSchema
{
    [ThreadStatic]
    private static Evaluator? t_evaluator;

    private readonly SchemaNode _root;

    private CompiledSchema(SchemaNode root) => _root = root;

    /// <summary>Compiles a schema document; throws <see cref="InvalidSchemaException"/> when it cannot be compiled.</summary>
    public static CompiledSchema Compile(JsonElement schema, SchemaOptions? options = null) =>
        new(new SchemaCompiler(options ?? new SchemaOptions()).CompileDocument(schema));

    /// <summary>Compiles the schema found at <paramref name="uri"/> (a fragment may point inside a registered document).</summary>
    public static CompiledSchema Compile(Uri uri, SchemaOptions options)
    {
        ArgumentNullException.ThrowIfNull(uri);
        ArgumentNullException.ThrowIfNull(options);
        return new(new SchemaCompiler(options).CompileUri(uri));
    }

    /// <summary>Evaluates an instance and collects every error, up to <see cref="EvaluationOptions.MaxErrors"/>.</summary>
    public EvaluationResult Evaluate(JsonElement instance, EvaluationOptions? options = null)
    {
        var evaluator = Rent();
        options ??= Defaults;
        evaluator.Reset(collecting: true, Math.Max(0, options.MaxErrors), options.RegexTimeout);
        var valid = evaluator.Evaluate(_root, instance, null);
        var errors = evaluator.Errors.ToArray();
        evaluator.Release();
        if (!valid && errors.Length == 0 && !evaluator.Truncated)
        {
            // Cannot happen by construction; kept so an invalid result never arrives without a reason.
            errors = [new SchemaError(string.Empty, string.Empty, _root.AbsoluteLocation, string.Empty, "the instance is not valid")];
        }

        return new EvaluationResult(errors, evaluator.Truncated) { Undetermined = evaluator.Undetermined };
    }

    /// <summary>Answers whether the instance is valid, stopping at the first failure.</summary>
    public bool IsValid(JsonElement instance)
    {
        var evaluator = Rent();
        evaluator.Reset(collecting: false, 0);
        return evaluator.Evaluate(_root, instance, null);
    }

    private static readonly EvaluationOptions Defaults = new();

    private static Evaluator Rent() => t_evaluator ??= new Evaluator();
}
