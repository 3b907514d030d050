namespace Airgate.Airflow.Models;

/// <summary>Airflow's <c>DagTagResponse</c>.</summary>
public sealed record AirflowDagTag
{
    /// <summary>The tag.</summary>
    public required string Name { get; init; }

    /// <summary>The DAG the tag belongs to.</summary>
    public string? DagId { get; init; }
}
