namespace Airgate.Airflow.V1.Wire;

/// <summary>Airflow 2's <c>UpdateDagRunState</c>.</summary>
internal sealed record V1StateBody(string State);
