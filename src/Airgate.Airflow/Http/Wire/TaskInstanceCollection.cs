using Airgate.Airflow.Models;

namespace Airgate.Airflow.Http.Wire;

/// <summary>Airflow's <c>TaskInstanceCollectionResponse</c>.</summary>
internal sealed record TaskInstanceCollection(IReadOnlyList<AirflowTaskInstance> TaskInstances, long TotalEntries) : IAirflowWire
{
    public bool IsComplete => TaskInstances is not null;
}
