using Airgate.Airflow.Http.Wire;

namespace Airgate.Airflow.V1.Wire;

/// <summary>Airflow 2's <c>Task</c>: the operator is <c>class_ref.class_name</c>; there are no per-task Params.</summary>
internal sealed record V1Task : IAirflowWire
{
    public string? TaskId { get; init; }

    public string? TaskDisplayName { get; init; }

    public V1ClassReference? ClassRef { get; init; }

    public IReadOnlyList<string> DownstreamTaskIds { get; init; } = [];

    public bool? IsMapped { get; init; }

    public string? Owner { get; init; }

    public double? Retries { get; init; }

    public string? TriggerRule { get; init; }

    public string? DocMd { get; init; }

    public bool IsComplete => TaskId is not null;
}
