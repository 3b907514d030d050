using Microsoft.Data.Sqlite;
using Npgsql;

namespace Airgate.Storage.Availability;

/// <summary>
/// Names the configured database for logs, readiness and <c>config check</c>: the setting, the server's host and port
/// (or the SQLite file) and the database, never the rest of the connection string (it may hold a password).
/// </summary>
public static class DatabaseEndpoint
{
    public const string ConnectionStringKey = StorageOptions.SectionName + ":ConnectionString";

    /// <summary>E.g. <c>Airgate:Database:ConnectionString (PostgreSQL at db.example.org:5432, database airgate)</c>.</summary>
    public static string Describe(StorageOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        try
        {
            return options.ParsedProvider switch
            {
                StorageProvider.Postgres => DescribePostgres(new NpgsqlConnectionStringBuilder(options.EffectiveConnectionString)),
                StorageProvider.Sqlite => $"{ConnectionStringKey} (SQLite file {new SqliteConnectionStringBuilder(options.EffectiveConnectionString).DataSource})",
                _ => ConnectionStringKey,
            };
        }
        catch (ArgumentException)
        {
            // The validator reports an unreadable connection string; this name must never fail or echo it.
            return ConnectionStringKey;
        }
    }

    private static string DescribePostgres(NpgsqlConnectionStringBuilder builder)
    {
        // Host may list several servers (failover); each carries its own port or the default one.
        var hosts = (builder.Host ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(host => host.Contains(':', StringComparison.Ordinal) && !host.StartsWith('[') ? host : $"{host}:{builder.Port}");
        var database = string.IsNullOrEmpty(builder.Database) ? string.Empty : $", database {builder.Database}";
        return $"{ConnectionStringKey} (PostgreSQL at {string.Join(", ", hosts)}{database})";
    }
}
