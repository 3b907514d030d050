using Airgate.Airflow.Models;

namespace Airgate.Airflow.Http.Wire;

/// <summary>Airflow's <c>DAGRunCollectionResponse</c>.</summary>
internal sealed record DagRunCollection(IReadOnlyList<AirflowDagRun> DagRuns, long TotalEntries) : IAirflowWire
{
    public bool IsComplete => DagRuns is not null;
}
