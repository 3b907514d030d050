using System.Text.Json;

namespace Airgate.Airflow.Models;

/// <summary>Airflow's <c>DAGRunResponse</c>.</summary>
public sealed record AirflowDagRun
{
    /// <summary>The run's id.</summary>
    public required string DagRunId { get; init; }

    /// <summary>The DAG's id.</summary>
    public required string DagId { get; init; }

    /// <summary><c>queued</c>, <c>running</c>, <c>success</c> or <c>failed</c>.</summary>
    public required string State { get; init; }

    /// <summary><c>manual</c>, <c>scheduled</c>, <c>backfill</c>, ...</summary>
    public required string RunType { get; init; }

    /// <summary>The logical date, null for runs triggered without one.</summary>
    public DateTimeOffset? LogicalDate { get; init; }

    /// <summary>The earliest time the run may start.</summary>
    public DateTimeOffset RunAfter { get; init; }

    /// <summary>When the run was queued.</summary>
    public DateTimeOffset? QueuedAt { get; init; }

    /// <summary>When the run started.</summary>
    public DateTimeOffset? StartDate { get; init; }

    /// <summary>When the run ended.</summary>
    public DateTimeOffset? EndDate { get; init; }

    /// <summary>Start of the data interval.</summary>
    public DateTimeOffset? DataIntervalStart { get; init; }

    /// <summary>End of the data interval.</summary>
    public DateTimeOffset? DataIntervalEnd { get; init; }

    /// <summary>The run's note.</summary>
    public string? Note { get; init; }

    /// <summary>The conf the run was triggered with.</summary>
    public JsonElement? Conf { get; init; }

    /// <summary>What triggered the run (<c>rest_api</c>, <c>ui</c>, ...).</summary>
    public string? TriggeredBy { get; init; }

    /// <summary>The user whose token triggered the run (Airflow 3.1 and later).</summary>
    public string? TriggeringUserName { get; init; }
}
