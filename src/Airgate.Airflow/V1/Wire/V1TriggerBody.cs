using System.Text.Json.Nodes;

namespace Airgate.Airflow.V1.Wire;

/// <summary>
/// The writable fields of Airflow 2's <c>DAGRun</c> that a trigger sends. <c>logical_date</c> is left out when null:
/// Airflow 2 then uses the time of the request (its logical dates are never null, and unique per DAG).
/// </summary>
internal sealed record V1TriggerBody
{
    public string? DagRunId { get; init; }

    public DateTimeOffset? LogicalDate { get; init; }

    public required JsonObject Conf { get; init; }

    public string? Note { get; init; }
}
