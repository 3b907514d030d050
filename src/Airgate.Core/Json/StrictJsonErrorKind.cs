namespace Airgate.Core.Json;

/// <summary>The kinds of JSON text that <see cref="StrictJson"/> refuses.</summary>
public enum StrictJsonErrorKind
{
    /// <summary>Not well-formed JSON (truncated, a stray character, invalid UTF-8).</summary>
    Invalid,

    /// <summary>Nested deeper than allowed.</summary>
    TooDeep,

    /// <summary>A member name given twice in one object.</summary>
    DuplicateKey,

    /// <summary>A string or member name that is not valid Unicode (a lone surrogate escape).</summary>
    InvalidUnicode,
}
