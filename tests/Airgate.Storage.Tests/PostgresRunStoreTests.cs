using Airgate.Storage.Postgres;
using Airgate.Storage.Sql;
using Airgate.Storage.Tests.Infrastructure;
using Npgsql;

namespace Airgate.Storage.Tests;

/// <summary>
/// The store contract on PostgreSQL (<c>AIRGATE_TEST_POSTGRES</c>), with a fresh database per test created from
/// template0 in UTF-8 and the server's default locale, dropped afterwards.
/// </summary>
[RequiresPostgres]
public sealed class PostgresRunStoreTests : RunStoreContract
{
    private readonly List<string> _databases = [];

    internal override async Task<SqlDialect> CreateEmptyDatabaseAsync()
    {
        var admin = AdminConnectionString();
        var name = $"airgate_test_{Guid.NewGuid():N}";
        await using (var connection = new NpgsqlConnection(admin))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\" TEMPLATE template0 ENCODING 'UTF8'", connection);
            await create.ExecuteNonQueryAsync();
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
