namespace Airgate.Runs.Events;

/// <summary>The <c>end</c> event: the run finished in this state; the server closes the stream after it.</summary>
internal sealed record RunEventEnd(string State);
