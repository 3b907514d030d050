namespace Airgate.JsonSchema;

/// <summary>One failed assertion.</summary>
/// <param name="InstanceLocation">JSON Pointer to the failing part of the instance.</param>
/// <param name="KeywordLocation">JSON Pointer through the schema as evaluated, <c>$ref</c> included.</param>
/// <param name="AbsoluteKeywordLocation">Absolute URI of the failing keyword.</param>
/// <param name="Keyword">The failing keyword, e.g. <c>minimum</c>.</param>
/// <param name="Message">A sentence a person can act on.</param>
public sealed record SchemaError(
    string InstanceLocation,
    string KeywordLocation,
    string AbsoluteKeywordLocation,
    string Keyword,
    string Message)
{
    /// <summary>For <c>required</c> (and <c>dependentRequired</c>): the missing property, so a caller can point at where it belongs.</summary>
    public string? Property { get; init; }

    /// <summary>For <c>pattern</c>: the pattern as the schema wrote it, so a caller can show it apart from the message.</summary>
    public string? Pattern { get; init; }
}
