namespace Airgate.Airflow.Models;

/// <summary>Airflow's <c>TaskInstanceResponse</c>: the fields a UI needs.</summary>
public sealed record AirflowTaskInstance
{
    /// <summary>The task instance's unique id.</summary>
    public required string Id { get; init; }

    /// <summary>The task's id.</summary>
    public required string TaskId { get; init; }

    /// <summary>The DAG's id.</summary>
    public required string DagId { get; init; }

    /// <summary>The run's id.</summary>
    public required string DagRunId { get; init; }

    /// <summary>The map index; -1 for an unmapped task.</summary>
    public int MapIndex { get; init; } = -1;

    /// <summary>The state, or null when the instance has none yet.</summary>
    public string? State { get; init; }

    /// <summary>The name to show.</summary>
    public string? TaskDisplayName { get; init; }

    /// <summary>The operator's name.</summary>
    public string? Operator { get; init; }

    /// <summary>The current try.</summary>
    public int TryNumber { get; init; }

    /// <summary>The most tries allowed.</summary>
    public int MaxTries { get; init; }

    /// <summary>When the instance started.</summary>
    public DateTimeOffset? StartDate { get; init; }

    /// <summary>When the instance ended.</summary>
    public DateTimeOffset? EndDate { get; init; }

    /// <summary>How long it ran, in seconds.</summary>
    public double? Duration { get; init; }

    /// <summary>When it was queued.</summary>
    public DateTimeOffset? QueuedWhen { get; init; }

    /// <summary>When it was scheduled.</summary>
    public DateTimeOffset? ScheduledWhen { get; init; }

    /// <summary>The rendered map index, for mapped tasks.</summary>
    public string? RenderedMapIndex { get; init; }

    /// <summary>The instance's note.</summary>
    public string? Note { get; init; }
}
