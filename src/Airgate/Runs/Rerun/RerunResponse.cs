namespace Airgate.Runs.Rerun;

/// <summary>A started rerun: the new run (with <c>rerun_of</c>) and every parameter that differs from the old run.</summary>
internal sealed record RerunResponse(RunResponse Run, IReadOnlyList<ParameterChange> Changes);
