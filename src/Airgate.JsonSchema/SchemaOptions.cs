namespace Airgate.JsonSchema;

/// <summary>Options that shape how a schema is compiled.</summary>
public sealed record SchemaOptions
{
    /// <summary>Documents that <c>$ref</c> may reach by URI; nothing is ever fetched from the network.</summary>
    public SchemaRegistry? Registry { get; init; }

    /// <summary>The meta-schema (<c>$schema</c>) assumed for a schema that declares none: draft 2020-12 when null; draft-07 and 2019-09 are evaluated by their own rules.</summary>
    public Uri? DefaultDialect { get; init; }

    /// <summary>Base URI for a schema without <c>$id</c>.</summary>
    public Uri? BaseUri { get; init; }

    /// <summary>When true, <c>format</c> is asserted instead of only annotated.</summary>
    public bool AssertFormat { get; init; }

    /// <summary>Longest time one match of a pattern that needs lookaround or backreferences may take before it counts as an error; every other pattern runs in linear time with no timeout.</summary>
    public TimeSpan RegexTimeout { get; init; } = TimeSpan.FromMilliseconds(100);

    /// <summary>When true, a schema's <c>errorMessage</c> string (the nf-schema and ajv-errors convention) is the message of each of that schema's own failing keywords.</summary>
    public bool CustomErrorMessages { get; init; }
}
