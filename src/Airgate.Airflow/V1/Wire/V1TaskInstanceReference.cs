namespace Airgate.Airflow.V1.Wire;

/// <summary>Airflow 2's <c>TaskInstanceReference</c>: what a clear answers instead of whole task instances.</summary>
internal sealed record V1TaskInstanceReference(string? TaskId, string? DagId, string? DagRunId);
