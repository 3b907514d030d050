namespace Airgate.Airflow.Models;

/// <summary>Airflow's <c>DAGDetailsResponse</c>: a DAG with its Params.</summary>
public sealed record AirflowDagDetails : AirflowDag
{
    /// <summary>The DAG's Params keyed by name; empty when it declares none.</summary>
    public IReadOnlyDictionary<string, AirflowParam> Params { get; init; } = new Dictionary<string, AirflowParam>();

    /// <summary>The DAG's documentation in Markdown.</summary>
    public string? DocMd { get; init; }
}
