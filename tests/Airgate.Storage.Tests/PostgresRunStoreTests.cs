using Airgate.Storage.Postgres;
using Airgate.Storage.Sql;
using Airgate.Storage.Tests.Infrastructure;
using Npgsql;

namespace Airgate.Storage.Tests;

/// <summary>
/// The store contract on PostgreSQL (<c>AIRGATE_TEST_POSTGRES</c>), with a fresh database per test created from
/// template0 in UTF-8 with an ICU en-US default collation, dropped afterwards.
/// </summary>
[RequiresPostgres]
public sealed class PostgresRunStoreTests : RunStoreContract
{
    private readonly List<string> _databases = [];

    internal override async Task<SqlDialect> CreateEmptyDatabaseAsync()
    {
        var admin = AdminConnectionString();
        var name = $"{(Environment.GetEnvironmentVariable("AIRGATE_TEST_DB_PREFIX") is { Length: > 0 } prefix ? prefix : "airgate_test_")}{Guid.NewGuid():N}";
        await using (var connection = new NpgsqlConnection(admin))
        {
            await connection.OpenAsync();
            try
            {
                // A linguistic default collation (where 'Run_a' sorts after 'run-b') proves the schema's COLLATE "C"
                // keeps ordering and LIKE identical to SQLite's whatever the server's locale.
                await using var create = new NpgsqlCommand(
                    $"CREATE DATABASE \"{name}\" TEMPLATE template0 ENCODING 'UTF8' LOCALE_PROVIDER icu ICU_LOCALE 'en-US' LOCALE 'C.UTF-8'", connection);
                await create.ExecuteNonQueryAsync();
            }
            catch (PostgresException e) when (e.SqlState is PostgresErrorCodes.SyntaxError or PostgresErrorCodes.FeatureNotSupported or PostgresErrorCodes.InvalidParameterValue)
            {
                // Servers before 15 or built without ICU: the server's default locale still exercises the schema.
                await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\" TEMPLATE template0 ENCODING 'UTF8'", connection);
                await create.ExecuteNonQueryAsync();
            }
        }

        _databases.Add(name);
        return new PostgresDialect(new NpgsqlConnectionStringBuilder(admin) { Database = name }.ConnectionString);
    }

    protected override async Task DropDatabasesAsync()
    {
        if (_databases.Count == 0)
        {
            return;
        }

        await using var connection = new NpgsqlConnection(AdminConnectionString());
        await connection.OpenAsync();
        foreach (var name in _databases)
        {
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync();
        }
    }

    private static string AdminConnectionString() =>
        RequiresPostgresAttribute.AdminConnectionString
        ?? throw new InvalidOperationException($"{RequiresPostgresAttribute.EnvironmentVariable} is not set.");
}
