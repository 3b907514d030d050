namespace Airgate.Core.Json;

/// <summary>What <see cref="StrictJson"/> found wrong, where (a JSON Pointer) and a sentence a client can act on.</summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1720:Identifier contains type name", Justification = "'pointer' is a JSON Pointer, the wire name.")]
public sealed record StrictJsonError(StrictJsonErrorKind Kind, string Pointer, string Message);
