namespace Airgate.Runs;

internal sealed record RunList(IReadOnlyList<RunResponse> Runs, long TotalEntries);
