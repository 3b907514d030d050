namespace Airgate.Workflows;

/// <summary>How the catalog is cached (<c>Airgate:Catalog</c>).</summary>
internal sealed record CatalogOptions
{
    public const string SectionName = "Airgate:Catalog";

    /// <summary>How often cached Airflow answers (DAG pages, details, tasks) are read again in the background.</summary>
    public TimeSpan RefreshInterval { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>A cached answer no request has used for this long is dropped instead of refreshed.</summary>
    public TimeSpan IdleLifetime { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>At most this many Airflow answers are cached; the least recently used go first.</summary>
    public int MaxEntries { get; init; } = 10_000;
}
