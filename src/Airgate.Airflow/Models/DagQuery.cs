namespace Airgate.Airflow.Models;

/// <summary>Filters for <c>GET /api/v2/dags</c>.</summary>
public sealed record DagQuery
{
    /// <summary>Page size; Airflow caps it at its <c>maximum_page_limit</c>.</summary>
    public int Limit { get; init; } = 100;

    /// <summary>Items to skip.</summary>
    public int Offset { get; init; }

    /// <summary>Only paused (true) or active (false) DAGs.</summary>
    public bool? Paused { get; init; }

    /// <summary>Only DAGs with any of these tags.</summary>
    public IReadOnlyList<string> Tags { get; init; } = [];

    /// <summary>SQL LIKE pattern on <c>dag_id</c>.</summary>
    public string? DagIdPattern { get; init; }
}
