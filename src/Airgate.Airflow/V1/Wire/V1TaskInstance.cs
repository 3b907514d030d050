using Airgate.Airflow.Http.Wire;

namespace Airgate.Airflow.V1.Wire;

/// <summary>Airflow 2's <c>TaskInstance</c>: no <c>id</c>, <c>execution_date</c>, and <c>"none"</c> as a deprecated state.</summary>
internal sealed record V1TaskInstance : IAirflowWire
{
    public string? TaskId { get; init; }

    public string? DagId { get; init; }

    public string? DagRunId { get; init; }

    public int? MapIndex { get; init; }

    public string? State { get; init; }

    public string? TaskDisplayName { get; init; }

    public string? Operator { get; init; }

    public int? TryNumber { get; init; }

    public int? MaxTries { get; init; }

    public DateTimeOffset? StartDate { get; init; }

    public DateTimeOffset? EndDate { get; init; }

    public double? Duration { get; init; }

    public DateTimeOffset? QueuedWhen { get; init; }

    public string? RenderedMapIndex { get; init; }

    public string? Note { get; init; }

    public bool IsComplete => TaskId is not null && DagId is not null && DagRunId is not null;
}
