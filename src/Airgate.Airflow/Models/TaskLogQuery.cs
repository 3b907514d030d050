namespace Airgate.Airflow.Models;

/// <summary>Which log to read: one try of one task instance (a map index for mapped tasks), from a continuation point.</summary>
public sealed record TaskLogQuery
{
    /// <summary>The DAG's id.</summary>
    public required string DagId { get; init; }

    /// <summary>The run's id.</summary>
    public required string DagRunId { get; init; }

    /// <summary>The task's id.</summary>
    public required string TaskId { get; init; }

    /// <summary>The try, 1 or more.</summary>
    public required int TryNumber { get; init; }

    /// <summary>-1 for an unmapped task.</summary>
    public int MapIndex { get; init; } = -1;

    /// <summary>Opaque: a token from an earlier answer, to read only what was written since; null reads from the start.</summary>
    public string? ContinuationToken { get; init; }
}
