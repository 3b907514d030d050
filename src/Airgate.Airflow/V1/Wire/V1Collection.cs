using Airgate.Airflow.Http.Wire;

namespace Airgate.Airflow.V1.Wire;

/// <summary>
/// Airflow 2's collections (<c>DAGCollection</c>, <c>DAGRunCollection</c>, <c>TaskCollection</c>,
/// <c>TaskInstanceCollection</c>): one list under its own name and <c>total_entries</c> (absent from the spec's
/// <c>TaskCollection</c>, so optional here).
/// </summary>
internal sealed record V1Collection : IAirflowWire
{
    public IReadOnlyList<V1Dag>? Dags { get; init; }

    public IReadOnlyList<V1DagRun>? DagRuns { get; init; }

    public IReadOnlyList<V1Task>? Tasks { get; init; }

    public IReadOnlyList<V1TaskInstance>? TaskInstances { get; init; }

    public long? TotalEntries { get; init; }

    public bool IsComplete => (Dags ?? (IEnumerable<object>?)DagRuns ?? (IEnumerable<object>?)Tasks ?? TaskInstances) is { } items
        && items.All(i => i is IAirflowWire { IsComplete: true });
}
