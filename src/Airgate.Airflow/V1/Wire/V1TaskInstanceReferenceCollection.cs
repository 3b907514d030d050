namespace Airgate.Airflow.V1.Wire;

/// <summary>Airflow 2's <c>TaskInstanceReferenceCollection</c>, the answer to <c>clearTaskInstances</c>.</summary>
internal sealed record V1TaskInstanceReferenceCollection(IReadOnlyList<V1TaskInstanceReference>? TaskInstances) : Http.Wire.IAirflowWire
{
    public bool IsComplete => TaskInstances is not null;
}
