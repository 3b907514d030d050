using System.Text.Json.Nodes;

namespace Airgate.Airflow.Models;

/// <summary>Airflow's <c>TriggerDAGRunPostBody</c>; <c>logical_date</c> is always sent, null included.</summary>
public sealed record TriggerDagRunRequest
{
    /// <summary>The run id to create; Airflow generates one when null.</summary>
    public string? DagRunId { get; init; }

    /// <summary>The run's conf.</summary>
    public required JsonObject Conf { get; init; }

    /// <summary>The logical date, or null.</summary>
    public DateTimeOffset? LogicalDate { get; init; }

    /// <summary>A note to attach.</summary>
    public string? Note { get; init; }
}
