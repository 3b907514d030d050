namespace Airgate.Airflow.V1.Wire;

/// <summary>Airflow 2's <c>ClassReference</c>.</summary>
internal sealed record V1ClassReference
{
    public string? ClassName { get; init; }

    public string? ModulePath { get; init; }
}
