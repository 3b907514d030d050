using Npgsql;

namespace Airgate.Tests.Infrastructure;

/// <summary>Fresh databases on the shared PostgreSQL server (<c>AIRGATE_TEST_POSTGRES</c>), dropped by the test.</summary>
internal static class TestDatabases
{
    public const string ServerVariable = "AIRGATE_TEST_POSTGRES";

    // Several checkouts may share one server; AIRGATE_TEST_DB_PREFIX keeps their databases apart.
    private static string Prefix => Environment.GetEnvironmentVariable("AIRGATE_TEST_DB_PREFIX") is { Length: > 0 } p ? p : "airgate_test_";

    private static string Admin => Environment.GetEnvironmentVariable(ServerVariable)
        ?? throw new InvalidOperationException($"{ServerVariable} is not set.");

    public static async Task<string> CreateAsync()
    {
        var name = $"{Prefix}{Guid.NewGuid():N}";
        await using var connection = new NpgsqlConnection(Admin);
        await connection.OpenAsync();
        await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
        await create.ExecuteNonQueryAsync();
        return new NpgsqlConnectionStringBuilder(Admin) { Database = name }.ConnectionString;
    }

    public static async Task DropAsync(string connectionString)
    {
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database;
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(Admin);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
    }
}
