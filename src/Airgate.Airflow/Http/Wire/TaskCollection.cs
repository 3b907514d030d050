using Airgate.Airflow.Models;

namespace Airgate.Airflow.Http.Wire;

/// <summary>Airflow's <c>TaskCollectionResponse</c>.</summary>
internal sealed record TaskCollection(IReadOnlyList<AirflowTask> Tasks, long TotalEntries) : IAirflowWire
{
    public bool IsComplete => Tasks is not null;
}
