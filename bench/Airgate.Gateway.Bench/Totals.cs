using Airgate.Core.Runs;
using Airgate.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Airgate.Gateway.Bench;

/// <summary>
/// Listings over 1,000,000 stored runs on PostgreSQL through the real store: unfiltered and "mine" pages with their
/// exact totals, against the full COUNT(*) the store used to run; and what one stored run costs on disk.
/// </summary>
internal static class Totals
{
    private const int Runs = 1_000_000;

    public static async Task<List<(string Name, string Value)>> MeasureAsync(string server, string prefix)
    {
        var database = prefix + Guid.NewGuid().ToString("N");
        await Postgres.CreateDatabaseAsync(server, database);
        try
        {
            var connectionString = Postgres.For(server, database);
            await using var services = await Postgres.MigratedRunStoreAsync(connectionString);

            // 1% of the runs are alice's, triggered through Airgate; the rest are mirrored; 20 workflows, 4 states.
            await Postgres.ExecuteAsync(connectionString, $$$"""
                INSERT INTO runs (dag_id, dag_run_id, source, triggered_by_id, triggered_by_name, triggered_by_name_folded, pipelines, conf,
                    record_state, created_at, updated_at, state, run_type, logical_date, run_after, queued_at, start_date, end_date,
                    airflow_updated_at, last_synced_at)
                SELECT 'workflow_' || (i % 20), 'manual__' || i,
                    CASE WHEN i % 100 = 0 THEN 'Airgate' ELSE 'External' END,
                    CASE WHEN i % 100 = 0 THEN 'alice' END,
                    CASE WHEN i % 100 = 0 THEN 'Alice' ELSE 'robot' END,
                    CASE WHEN i % 100 = 0 THEN 'alice' ELSE 'robot' END,
                    CASE WHEN i % 100 = 0 THEN CAST('{"bactopia-kraken2-3.2.0": {"outdir": "/data/out"}}' AS json) END,
                    CAST('{"pipelineConfigs": [{"pipelineId": "bactopia-kraken2-3.2.0", "parameters": {"outdir": "/data/out"}}]}' AS json),
                    'Confirmed', now(), now(), (ARRAY['success', 'failed', 'running', 'queued'])[1 + i % 4], 'manual',
                    timestamptz '2024-01-01' + i * interval '30 seconds', timestamptz '2024-01-01' + i * interval '30 seconds',
                    timestamptz '2024-01-01' + i * interval '30 seconds', timestamptz '2024-01-01' + i * interval '31 seconds',
                    timestamptz '2024-01-01' + i * interval '40 seconds', now(), now()
                FROM generate_series(1, {{{Runs}}}) AS i
                """);
            await Postgres.ExecuteAsync(connectionString, "VACUUM ANALYZE runs");
            var bytes = Convert.ToDouble(await Postgres.ExecuteAsync(connectionString, "SELECT pg_total_relation_size('runs')"), System.Globalization.CultureInfo.InvariantCulture);

            var store = services.GetRequiredService<IRunStore>();
            var unfiltered = await Load.MedianMsAsync(30, () => store.ListAsync(new RunQuery()));
            var mine = await Load.MedianMsAsync(30, () => store.ListAsync(new RunQuery { OwnerId = "alice" }));
            var oneWorkflow = await Load.MedianMsAsync(30, () => store.ListAsync(new RunQuery { DagId = "workflow_7", States = ["failed"] }));
            var fullCount = await Load.MedianMsAsync(30, () => Postgres.ExecuteAsync(connectionString, "SELECT COUNT(*) FROM runs WHERE record_state = 'Confirmed'"));
            var total = (await store.ListAsync(new RunQuery())).TotalEntries;
            return
            [
                ("1,000,000 runs on PostgreSQL: unfiltered page + exact total, p50", $"{unfiltered:F1} ms (total {total}; a full COUNT(*) alone: {fullCount:F1} ms = {fullCount / unfiltered:F0}x slower)"),
                ("1,000,000 runs on PostgreSQL: mine (10,000 runs) page + total, p50", $"{mine:F1} ms"),
                ("1,000,000 runs on PostgreSQL: one workflow and state, p50", $"{oneWorkflow:F1} ms"),
                ("bytes per stored run (PostgreSQL, table + indexes + TOAST)", $"{bytes / Runs:F0} B"),
            ];
        }
        finally
        {
            await Postgres.DropDatabaseAsync(server, database);
        }
    }
}
