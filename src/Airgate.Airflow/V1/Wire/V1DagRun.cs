using System.Text.Json;
using Airgate.Airflow.Http.Wire;

namespace Airgate.Airflow.V1.Wire;

/// <summary>Airflow 2's <c>DAGRun</c>: <c>execution_date</c> beside <c>logical_date</c>, <c>external_trigger</c>, no <c>run_after</c>.</summary>
internal sealed record V1DagRun : IAirflowWire
{
    public string? DagRunId { get; init; }

    public string? DagId { get; init; }

    public string? State { get; init; }

    public string? RunType { get; init; }

    public DateTimeOffset? LogicalDate { get; init; }

    public DateTimeOffset? ExecutionDate { get; init; }

    /// <summary>Not in the 2.10 spec; read when a server sends it.</summary>
    public DateTimeOffset? QueuedAt { get; init; }

    public DateTimeOffset? StartDate { get; init; }

    public DateTimeOffset? EndDate { get; init; }

    public DateTimeOffset? DataIntervalStart { get; init; }

    public DateTimeOffset? DataIntervalEnd { get; init; }

    public bool? ExternalTrigger { get; init; }

    public JsonElement? Conf { get; init; }

    public string? Note { get; init; }

    public bool IsComplete => DagRunId is not null && DagId is not null && State is not null && RunType is not null;
}
