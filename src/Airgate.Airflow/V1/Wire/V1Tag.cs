namespace Airgate.Airflow.V1.Wire;

/// <summary>Airflow 2's <c>Tag</c>.</summary>
internal sealed record V1Tag
{
    public string? Name { get; init; }
}
