namespace Airgate.Core.Runs;

/// <summary>The fields runs may be ordered by (the <c>order_by</c> whitelist).</summary>
public enum RunSortField
{
    RunAfter,
    LogicalDate,
    StartDate,
    EndDate,
    State,
    DagRunId,
    DagId,
    CreatedAt,
}
