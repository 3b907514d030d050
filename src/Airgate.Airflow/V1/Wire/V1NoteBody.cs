namespace Airgate.Airflow.V1.Wire;

/// <summary>Airflow 2's <c>SetDagRunNote</c>: the note is its own endpoint there.</summary>
internal sealed record V1NoteBody(string Note);
