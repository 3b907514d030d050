using Airgate.Core.Runs;
using Airgate.Storage.Migrations;
using Airgate.Storage.Postgres;
using Airgate.Storage.Sql;
using Airgate.Storage.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Xunit.Abstractions;

namespace Airgate.Storage.Tests;

/// <summary>
/// Every listing filter is served by an index at 1,000,000 runs: the store's own count and page queries are
/// <c>EXPLAIN</c>ed on PostgreSQL (plans printed) and fail on a sequential scan of <c>runs</c>. The rows come from one
/// <c>INSERT ... SELECT generate_series</c>, so the test's cost is one bulk insert, not a million round trips.
/// </summary>
[RequiresPostgres]
public sealed class PostgresListingPlanTests(ITestOutputHelper output)
{
    private const int Rows = 1_000_000;

    private static readonly (string Name, RunQuery Query)[] Filters =
    [
        ("unfiltered", new RunQuery { Limit = 100 }),
        ("dag_id", new RunQuery { DagId = "dag_7", Limit = 100 }),
        ("state=failed", new RunQuery { States = ["failed"], Limit = 100 }),
        ("mine", new RunQuery { OwnerId = "user_00042", Limit = 100 }),
        ("user_name_pattern=%er_0004%", new RunQuery { OwnerNamePattern = "%er_0004%", Limit = 100 }),
        ("user_name_pattern=user_00042 (a name)", new RunQuery { OwnerNamePattern = "User_00042", Limit = 100 }),
        ("user_name_pattern=%00042", new RunQuery { OwnerNamePattern = "%00042", Limit = 100 }),
        ("mine + state", new RunQuery { OwnerId = "user_00042", States = ["failed"], Limit = 100 }),
        ("dag_id + state, deep offset", new RunQuery { DagId = "dag_7", States = ["success"], Limit = 100, Offset = 5_000 }),
    ];

    [StoreFact]
    public async Task ListingQueries_AtAMillionRuns_NoSequentialScanOfRuns()
    {
        var database = await CreateDatabaseAsync();
        try
        {
            await new DatabaseMigrator(new PostgresDialect(database), TimeProvider.System, NullLogger<DatabaseMigrator>.Instance).MigrateAsync();
            await using var connection = new NpgsqlConnection(database);
            await connection.OpenAsync();
            await ExecuteAsync(connection, MillionRunsSql);
            await ExecuteAsync(connection, "ANALYZE runs; ANALYZE run_count_deltas;");

            List<string> scans = [];
            foreach (var (name, query) in Filters)
            {
                var sql = SqlRunStore.BuildListSql(query) ?? throw new InvalidOperationException($"{name}: no SQL.");
                foreach (var (part, text) in new[] { ("count", sql.CountSql), ("page", sql.PageSql(query)) })
                {
                    var plan = await ExplainAsync(connection, text, sql.Parameters, query);
                    output.WriteLine($"--- {name}, {part}\n{plan}");
                    if (plan.Contains("Seq Scan on runs", StringComparison.Ordinal))
                    {
                        scans.Add($"{name} ({part})");
                    }
                }
            }

            scans.ShouldBeEmpty();
        }
        finally
        {
            await DropDatabaseAsync(database);
        }
    }

    // 1M confirmed runs over 20 workflows, 5,000 owners (half of the runs external, named only), four states, one a minute.
    private static readonly string MillionRunsSql = $"""
        INSERT INTO runs (dag_id, dag_run_id, source, triggered_by_id, triggered_by_name, triggered_by_name_folded,
            record_state, created_at, updated_at, state, run_type, run_after, logical_date)
        SELECT 'dag_' || (i % 20), 'run_' || i,
            CASE WHEN i % 2 = 0 THEN 'Airgate' ELSE 'External' END,
            CASE WHEN i % 2 = 0 THEN 'user_' || lpad((i % 5000)::text, 5, '0') END,
            'User_' || lpad((i % 5000)::text, 5, '0'), 'user_' || lpad((i % 5000)::text, 5, '0'),
            'Confirmed', now(), now(), (ARRAY['queued', 'running', 'success', 'failed'])[1 + i % 4], 'manual',
            timestamptz '2024-01-01' + i * interval '1 minute', timestamptz '2024-01-01' + i * interval '1 minute'
        FROM generate_series(1, {Rows}) AS i
        """;

    private static async Task<string> ExplainAsync(NpgsqlConnection connection, string sql, IReadOnlyList<(string Name, string Value)> parameters, RunQuery query)
    {
        await using var command = new NpgsqlCommand("EXPLAIN " + sql, connection);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name.TrimStart('@'), value);
        }

        if (sql.Contains("@limit", StringComparison.Ordinal))
        {
            command.Parameters.AddWithValue("limit", (long)query.Limit);
            command.Parameters.AddWithValue("offset", (long)query.Offset);
        }

        List<string> lines = [];
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            lines.Add(reader.GetString(0));
        }

        return string.Join('\n', lines);
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 600 };
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<string> CreateDatabaseAsync()
    {
        var admin = RequiresPostgresAttribute.AdminConnectionString!;
        var name = $"{(Environment.GetEnvironmentVariable("AIRGATE_TEST_DB_PREFIX") is { Length: > 0 } prefix ? prefix : "airgate_test_")}{Guid.NewGuid():N}";
        await using var connection = new NpgsqlConnection(admin);
        await connection.OpenAsync();
        await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
        await create.ExecuteNonQueryAsync();
        return new NpgsqlConnectionStringBuilder(admin) { Database = name, CommandTimeout = 600 }.ConnectionString;
    }

    private static async Task DropDatabaseAsync(string database)
    {
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(RequiresPostgresAttribute.AdminConnectionString!);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{new NpgsqlConnectionStringBuilder(database).Database}\" WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
    }
}
