namespace Airgate.Core.Runs;

/// <summary>One page of runs and the exact number of runs matching the query.</summary>
public sealed record RunPage(IReadOnlyList<RunRecord> Items, long TotalEntries);
