namespace Airgate.Requests;

/// <summary>The kinds of JSON text that <see cref="StrictJson"/> refuses.</summary>
internal enum StrictJsonErrorKind
{
    Invalid,
    TooDeep,
    DuplicateKey,
    InvalidUnicode,
}
