namespace Airgate.JsonSchema.Compilation;

/// <summary>The JSON Schema drafts this validator evaluates, each by its own rules.</summary>
internal enum Draft
{
    /// <summary>Draft 2020-12, the default.</summary>
    V202012,

    /// <summary>Draft 2019-09: array-form <c>items</c> with <c>additionalItems</c>, <c>$recursiveRef</c>.</summary>
    V201909,

    /// <summary>Draft-07: <c>definitions</c>, array-form <c>items</c>, <c>dependencies</c>, <c>$ref</c> overriding its siblings, no <c>unevaluated*</c>.</summary>
    V7,
}
