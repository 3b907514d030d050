using Airgate.Storage;
using Airgate.Storage.Migrations;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Airgate.Gateway.Bench;

/// <summary>Throw-away databases on the benchmark's PostgreSQL server.</summary>
internal static class Postgres
{
    public static string For(string server, string database) => new NpgsqlConnectionStringBuilder(server) { Database = database }.ConnectionString;

    public static Task CreateDatabaseAsync(string server, string database) => ExecuteAsync(server, $"CREATE DATABASE \"{database}\"");

    public static async Task DropDatabaseAsync(string server, string database)
    {
        NpgsqlConnection.ClearAllPools();
        await ExecuteAsync(server, $"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)");
    }

    /// <summary>The gateway's own run store (as <c>AddRunStore</c> registers it) on <paramref name="connectionString"/>, migrated.</summary>
    public static async Task<ServiceProvider> MigratedRunStoreAsync(string connectionString)
    {
        var services = new ServiceCollection()
            .AddLogging()
            .AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Airgate:Database:Provider"] = "Postgres",
                ["Airgate:Database:ConnectionString"] = connectionString,
            }).Build())
            .AddRunStore()
            .BuildServiceProvider();
        await services.GetRequiredService<DatabaseMigrator>().MigrateAsync();
        return services;
    }

    public static async Task<object?> ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 600 };
        return await command.ExecuteScalarAsync();
    }
}
