using Airgate.Airflow.Models;

namespace Airgate.Airflow.Http.Wire;

/// <summary>Airflow's <c>DAGCollectionResponse</c>.</summary>
internal sealed record DagCollection(IReadOnlyList<AirflowDag> Dags, long TotalEntries) : IAirflowWire
{
    public bool IsComplete => Dags is not null;
}
