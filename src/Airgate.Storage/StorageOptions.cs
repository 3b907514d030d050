namespace Airgate.Storage;

/// <summary>Where run records are kept (configuration section <c>Airgate:Database</c>).</summary>
public sealed record StorageOptions
{
    public const string SectionName = "Airgate:Database";

    /// <summary>The SQLite file used when no connection string is configured: <c>airgate.db</c> in the working directory.</summary>
    public const string DefaultSqliteConnectionString = "Data Source=airgate.db";

    /// <summary><c>Sqlite</c> (default) or <c>Postgres</c>, case-insensitive.</summary>
    public string Provider { get; init; } = nameof(StorageProvider.Sqlite);

    /// <summary>An ADO.NET connection string for the provider; optional for SQLite.</summary>
    public string? ConnectionString { get; init; }

    /// <summary>
    /// SQLite only: the longest an operation waits for the file's write lock (held by another process or a long write)
    /// before failing, which the API answers with 503 and <c>Retry-After</c>.
    /// </summary>
    public TimeSpan BusyTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>The parsed <see cref="Provider"/>; null when it names no known provider.</summary>
    public StorageProvider? ParsedProvider =>
        Provider.Trim().ToUpperInvariant() switch
        {
            "SQLITE" => StorageProvider.Sqlite,
            "POSTGRES" or "POSTGRESQL" => StorageProvider.Postgres,
            _ => null,
        };

    /// <summary>The connection string to use, with the SQLite default filled in.</summary>
    public string EffectiveConnectionString =>
        string.IsNullOrWhiteSpace(ConnectionString) && ParsedProvider == StorageProvider.Sqlite
            ? DefaultSqliteConnectionString
            : ConnectionString ?? string.Empty;
}
