using System.Text.Json;
using Airgate.JsonSchema.Compilation;

namespace Airgate.JsonSchema;

/// <summary>The embedded meta-schemas: draft 2020-12, 2019-09 and draft-07.</summary>
public static class MetaSchemas
{
    /// <summary>The URI of the draft 2020-12 meta-schema.</summary>
    public static readonly Uri Draft202012 = new("https://json-schema.org/draft/2020-12/schema");

    /// <summary>The URI of the draft 2019-09 meta-schema.</summary>
    public static readonly Uri Draft201909 = new(Drafts.Draft201909Uri);

    /// <summary>The URI of the draft-07 meta-schema.</summary>
    public static readonly Uri Draft7 = new(Drafts.Draft7Uri + "#");

    private static readonly Lazy<CompiledSchema> Compiled = new(() => CompiledSchema.Compile(Draft202012, new SchemaOptions()));
    private static readonly Lazy<CompiledSchema> Compiled201909 = new(() => CompiledSchema.Compile(Draft201909, new SchemaOptions()));
    private static readonly Lazy<CompiledSchema> Compiled7 = new(() => CompiledSchema.Compile(Draft7, new SchemaOptions()));

    /// <summary>Validates a schema document against the meta-schema of the draft its <c>$schema</c> names (2020-12 when it names none), collecting every error.</summary>
    public static EvaluationResult Validate(JsonElement schema)
    {
        var dialect = schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty("$schema", out var declared) && declared.ValueKind == JsonValueKind.String
            ? declared.GetString()
            : null;
        var meta = Drafts.Known(dialect) switch
        {
            Draft.V7 => Compiled7,
            Draft.V201909 => Compiled201909,
            _ => Compiled,
        };
        return meta.Value.Evaluate(schema, new EvaluationOptions { MaxErrors = int.MaxValue });
    }

    /// <summary>True when <paramref name="dialect"/> names a draft this validator evaluates by its own rules (2020-12, 2019-09, draft-07).</summary>
    public static bool IsSupported(string? dialect) => dialect is null || Drafts.Known(dialect) is not null;
}
