namespace Airgate.Core.Registry;

/// <summary>One thing wrong in a registry directory.</summary>
/// <param name="File">Path relative to the registry directory, with <c>/</c> separators.</param>
/// <param name="Pointer">JSON Pointer into that file (empty for the whole file).</param>
/// <param name="Message">What is wrong and, where it helps, how to fix it.</param>
/// <param name="Severity">Whether the file was left out (<see cref="ProblemSeverity.Error"/>) or loaded anyway.</param>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1720:Identifier contains type name", Justification = "'pointer' is the wire name (a JSON Pointer), not a machine pointer.")]
public sealed record RegistryProblem(string File, string Pointer, string Message, ProblemSeverity Severity = ProblemSeverity.Error)
{
    public override string ToString() => $"{File}:{Pointer}: {(Severity == ProblemSeverity.Warning ? "warning" : "error")}: {Message}";
}
