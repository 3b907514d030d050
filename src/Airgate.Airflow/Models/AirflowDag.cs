namespace Airgate.Airflow.Models;

/// <summary>Airflow's <c>DAGResponse</c>: the fields a UI needs.</summary>
public record AirflowDag
{
    /// <summary>The DAG's id.</summary>
    public required string DagId { get; init; }

    /// <summary>The name to show.</summary>
    public string? DagDisplayName { get; init; }

    /// <summary>Free text from the DAG's author.</summary>
    public string? Description { get; init; }

    /// <summary>Whether the scheduler is holding the DAG.</summary>
    public bool IsPaused { get; init; }

    /// <summary>Whether the DAG's file has disappeared.</summary>
    public bool IsStale { get; init; }

    /// <summary>The DAG's tags.</summary>
    public IReadOnlyList<AirflowDagTag> Tags { get; init; } = [];

    /// <summary>The DAG's owners.</summary>
    public IReadOnlyList<string> Owners { get; init; } = [];

    /// <summary>Whether the DAG's file failed to import.</summary>
    public bool HasImportErrors { get; init; }

    /// <summary>A short description of the schedule.</summary>
    public string? TimetableSummary { get; init; }

    /// <summary>A longer description of the schedule.</summary>
    public string? TimetableDescription { get; init; }

    /// <summary>How many runs may be active at once.</summary>
    public int? MaxActiveRuns { get; init; }

    /// <summary>When the next scheduled run may start.</summary>
    public DateTimeOffset? NextDagrunRunAfter { get; init; }

    /// <summary>When the DAG file was last parsed.</summary>
    public DateTimeOffset? LastParsedTime { get; init; }
}
