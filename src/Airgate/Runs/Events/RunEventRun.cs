namespace Airgate.Runs.Events;

/// <summary>The <c>run</c> event: the run after its state, dates or note changed (or, on a listing stream, entered it).</summary>
internal sealed record RunEventRun(RunResponse Run);
