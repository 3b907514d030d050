using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Airgate.Storage;

/// <summary>Checks the database settings at start, naming the key and the fix (never echoing the connection string: it may hold a password).</summary>
internal sealed class StorageOptionsValidator : IValidateOptions<StorageOptions>
{
    private const string ProviderKey = StorageOptions.SectionName + ":Provider";
    private const string ConnectionStringKey = StorageOptions.SectionName + ":ConnectionString";

    public ValidateOptionsResult Validate(string? name, StorageOptions options)
    {
        var failures = new List<string>();
        switch (options.ParsedProvider)
        {
            case null:
                failures.Add($"{ProviderKey} is '{options.Provider}'; use 'Sqlite' (an embedded file, the default) or 'Postgres'.");
                break;
            case StorageProvider.Sqlite:
                ValidateSqlite(options.EffectiveConnectionString, failures);
                break;
            case StorageProvider.Postgres:
                ValidatePostgres(options.ConnectionString, failures);
                break;
        }

        if (options.BusyTimeout < TimeSpan.FromSeconds(1) || options.BusyTimeout > TimeSpan.FromMinutes(5))
        {
            failures.Add($"{StorageOptions.SectionName}:BusyTimeout must be between 00:00:01 and 00:05:00, e.g. 00:00:05.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void ValidateSqlite(string connectionString, List<string> failures)
    {
        try
        {
            var builder = new SqliteConnectionStringBuilder(connectionString);
            if (string.IsNullOrWhiteSpace(builder.DataSource))
            {
                failures.Add($"{ConnectionStringKey} names no SQLite file; set 'Data Source=<path>' or leave it empty for '{StorageOptions.DefaultSqliteConnectionString}'.");
            }
        }
        catch (ArgumentException e)
        {
            failures.Add(
                $"{ConnectionStringKey} is not a SQLite connection string ({e.Message}). " +
                $"Use 'Data Source=<path>', or set {ProviderKey} to 'Postgres' for a PostgreSQL connection string.");
        }
    }

    private static void ValidatePostgres(string? connectionString, List<string> failures)
    {
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            failures.Add($"{ConnectionStringKey} is required when {ProviderKey} is 'Postgres', e.g. 'Host=db;Database=airgate;Username=airgate;Password=...'.");
            return;
        }

        try
        {
            var builder = new NpgsqlConnectionStringBuilder(connectionString);
            if (string.IsNullOrWhiteSpace(builder.Host))
            {
                failures.Add($"{ConnectionStringKey} names no PostgreSQL server; add 'Host=<server>'.");
            }
        }
        catch (ArgumentException e)
        {
            failures.Add($"{ConnectionStringKey} is not a PostgreSQL connection string ({e.Message}).");
        }
    }
}
