namespace Airgate.Core.Parameters;

/// <summary>One thing wrong with a trigger request.</summary>
/// <param name="Pipeline">The profile id (or the reference as sent, when it names no profile); null for request-level errors.</param>
/// <param name="Pointer">JSON Pointer into that pipeline's parameter object, or into the request body when <paramref name="Pipeline"/> is null.</param>
/// <param name="Keyword">The failing JSON Schema keyword (e.g. <c>minimum</c>) or a request rule (see <see cref="RequestKeywords"/>).</param>
/// <param name="Message">A sentence a scientist can act on.</param>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1720:Identifier contains type name", Justification = "'pointer' is the wire name (a JSON Pointer).")]
public sealed record ParameterError(string? Pipeline, string Pointer, string Keyword, string Message)
{
    /// <summary>For a <c>pattern</c> failure: the pattern, apart from the message (which may be the schema's own <c>errorMessage</c>).</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public string? Pattern { get; init; }
}
