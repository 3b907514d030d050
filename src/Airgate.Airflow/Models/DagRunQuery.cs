namespace Airgate.Airflow.Models;

/// <summary>Filters for <c>GET /api/v2/dags/{dag_id}/dagRuns</c> (only those the 3.0 API has).</summary>
public sealed record DagRunQuery
{
    /// <summary>Page size.</summary>
    public int Limit { get; init; } = 100;

    /// <summary>Items to skip.</summary>
    public int Offset { get; init; }

    /// <summary>Only runs in one of these states.</summary>
    public IReadOnlyList<string> States { get; init; } = [];

    /// <summary>Sort field, <c>-</c> prefix for descending, e.g. <c>-run_after</c>.</summary>
    public string? OrderBy { get; init; }

    /// <summary>Only runs changed at or after this instant (<c>updated_at_gte</c>), for incremental mirroring.</summary>
    public DateTimeOffset? UpdatedAtGte { get; init; }
}
