using System.Globalization;
using Airgate.Core.Runs;
using Airgate.Storage;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Airgate.Gateway.Bench;

/// <summary>
/// Every listing filter over <c>BENCH_LISTING_RUNS</c> (1,000,000) stored runs on PostgreSQL, through the store's
/// query method (<see cref="IRunStore.ListAsync"/>: a page of 100 and its exact total, the SQL the HTTP listing runs)
/// against the direct SQL <c>COUNT(*)</c> of the same filter, sampled alternately in the same run so both see the same
/// machine. The rows have the shape of the 1M-row EXPLAIN test (PostgresListingPlanTests): 20 workflows, 5,000 owners
/// (half of the runs external, named only), four states (an owner's runs, and a workflow's, all share one state); they come from one <c>INSERT ... SELECT generate_series</c>.
/// </summary>
internal static class Listings
{
    private static readonly (string Name, RunQuery Query, string Where)[] Filters =
    [
        ("unfiltered", new RunQuery { Limit = 100 }, ""),
        ("dag_id", new RunQuery { DagId = "dag_7", Limit = 100 }, "dag_id = 'dag_7'"),
        ("state=failed", new RunQuery { States = ["failed"], Limit = 100 }, "state = 'failed'"),
        ("dag_id + state", new RunQuery { DagId = "dag_7", States = ["failed"], Limit = 100 }, "dag_id = 'dag_7' AND state = 'failed'"),
        ("mine", new RunQuery { OwnerId = "user_00042", Limit = 100 }, "triggered_by_id = 'user_00042'"),
        ("mine + state", new RunQuery { OwnerId = "user_00042", States = ["success"], Limit = 100 }, "triggered_by_id = 'user_00042' AND state = 'success'"),
        ("user_name_pattern=User\\_00042 (a name: no wildcard)", new RunQuery { OwnerNamePattern = @"User\_00042", Limit = 100 }, "triggered_by_name_folded = 'user_00042'"),
        ("user_name_pattern=User_00042 (_ is one character)", new RunQuery { OwnerNamePattern = "User_00042", Limit = 100 }, "triggered_by_name_folded LIKE 'user_00042'"),
        ("user_name_pattern=user_0004% (prefix)", new RunQuery { OwnerNamePattern = "user_0004%", Limit = 100 }, "triggered_by_name_folded LIKE 'user_0004%'"),
        ("user_name_pattern=%er_0004% (contains)", new RunQuery { OwnerNamePattern = "%er_0004%", Limit = 100 }, "triggered_by_name_folded LIKE '%er_0004%'"),
        ("user_name_pattern=%00042 (suffix)", new RunQuery { OwnerNamePattern = "%00042", Limit = 100 }, "triggered_by_name_folded LIKE '%00042'"),
        ("order_by=dag_run_id", new RunQuery { OrderBy = new RunOrderBy(RunSortField.DagRunId, Descending: false), Limit = 100 }, ""),
        ("dag_id + state, offset 5,000", new RunQuery { DagId = "dag_7", States = ["failed"], Limit = 100, Offset = 5_000 }, "dag_id = 'dag_7' AND state = 'failed'"),
    ];

    public static async Task<IReadOnlyList<string>> MeasureAsync(string server, string prefix)
    {
        var runs = int.Parse(Environment.GetEnvironmentVariable("BENCH_LISTING_RUNS") ?? "1000000", CultureInfo.InvariantCulture);
        var samples = int.Parse(Environment.GetEnvironmentVariable("BENCH_LISTING_SAMPLES") ?? "100", CultureInfo.InvariantCulture);
        var database = prefix + Guid.NewGuid().ToString("N");
        await Postgres.CreateDatabaseAsync(server, database);
        try
        {
            var connectionString = Postgres.For(server, database);
            await using var services = await Postgres.MigratedRunStoreAsync(connectionString);
            await Postgres.ExecuteAsync(connectionString, $"""
                INSERT INTO runs (dag_id, dag_run_id, source, triggered_by_id, triggered_by_name, triggered_by_name_folded,
                    record_state, created_at, updated_at, state, run_type, run_after, logical_date)
                SELECT 'dag_' || (i % 20), 'run_' || i,
                    CASE WHEN i % 2 = 0 THEN 'Airgate' ELSE 'External' END,
                    CASE WHEN i % 2 = 0 THEN 'user_' || lpad((i % 5000)::text, 5, '0') END,
                    'User_' || lpad((i % 5000)::text, 5, '0'), 'user_' || lpad((i % 5000)::text, 5, '0'),
                    'Confirmed', now(), now(), (ARRAY['queued', 'running', 'success', 'failed'])[1 + i % 4], 'manual',
                    timestamptz '2024-01-01' + i * interval '1 minute', timestamptz '2024-01-01' + i * interval '1 minute'
                FROM generate_series(1, {runs}) AS i
                """);
            await Postgres.ExecuteAsync(connectionString, "VACUUM ANALYZE runs; ANALYZE run_count_deltas;");

            var store = services.GetRequiredService<IRunStore>();
            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync();
            List<string> rows =
            [
                $"Listings over {runs:N0} runs on PostgreSQL, {samples} samples each (Airgate: IRunStore.ListAsync, a page of 100 + its exact total; direct: SELECT COUNT(*) of the same filter; sampled alternately):",
                "",
                "| filter | rows | Airgate p50 / p99 (ms) | direct COUNT(*) p50 / p99 (ms) | ratio p50 (Airgate / direct) |",
                "|---|---:|---:|---:|---:|",
            ];
            foreach (var (name, query, where) in Filters)
            {
                var countSql = "SELECT COUNT(*) FROM runs WHERE record_state = 'Confirmed'" + (where.Length > 0 ? " AND " + where : "");
                await using var count = new NpgsqlCommand(countSql, connection) { CommandTimeout = 600 };
                long airgateTotal = 0, directTotal = 0;
                // Two unmeasured rounds warm the caches and the connection pools of both sides.
                for (var i = 0; i < 2; i++)
                {
                    airgateTotal = (await store.ListAsync(query)).TotalEntries;
                    directTotal = (long)(await count.ExecuteScalarAsync())!;
                }

                if (airgateTotal != directTotal)
                {
                    throw new InvalidOperationException($"{name}: Airgate's total {airgateTotal} differs from COUNT(*) {directTotal}.");
                }

                List<double> airgate = [], direct = [];
                for (var i = 0; i < samples; i++)
                {
                    airgate.Add(await Load.MedianMsAsync(1, () => store.ListAsync(query)));
                    direct.Add(await Load.MedianMsAsync(1, () => count.ExecuteScalarAsync()));
                }

                airgate.Sort();
                direct.Sort();
                var (a50, a99, d50, d99) = (Load.Percentile(airgate, 0.5), Load.Percentile(airgate, 0.99), Load.Percentile(direct, 0.5), Load.Percentile(direct, 0.99));
                rows.Add($"| {name} | {directTotal:N0} | {a50:F1} / {a99:F1} | {d50:F1} / {d99:F1} | {a50 / d50:F2} |");
                Console.Error.WriteLine(rows[^1]);
            }

            return rows;
        }
        finally
        {
            await Postgres.DropDatabaseAsync(server, database);
        }
    }
}
