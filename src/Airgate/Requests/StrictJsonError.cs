namespace Airgate.Requests;

/// <summary>What <see cref="StrictJson"/> found wrong, where (a JSON Pointer) and a sentence a client can act on.</summary>
internal sealed record StrictJsonError(StrictJsonErrorKind Kind, string Pointer, string Message);
