namespace Airgate.Runs.Logs;

/// <summary>The data of a followed log's <c>end</c> event: the task instance's final state.</summary>
internal sealed record TaskLogEnd(string? State);
