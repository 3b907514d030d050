using System.Data.Common;
using System.Text;
using Airgate.Core.Runs;
using Microsoft.Extensions.Logging;

namespace Airgate.Storage.Sql;

internal sealed partial class SqlRunStore
{
    private static readonly string[] UpsertTextParameters =
        ["@dag_id", "@dag_run_id", "@user_name", "@user_name_folded", "@conf", "@state", "@run_type", "@airflow_note"];

    private static readonly string[] UpsertTimestampParameters =
        ["@logical_date", "@run_after", "@queued_at", "@start_date", "@end_date", "@airflow_updated_at"];

    public async Task UpsertObservedAsync(IReadOnlyList<ObservedRun> runs, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(runs);
        if (runs.Count == 0)
        {
            return;
        }

        foreach (var run in runs)
        {
            EnsureStorable(run);
        }

        // One statement may not touch a row twice (PostgreSQL refuses), so keep the newest observation of each run;
        // and concurrent syncs lock rows in one order (by key), so they wait for each other instead of deadlocking.
        var distinct = runs
            .Select((run, index) => (run, index))
            .GroupBy(r => (r.run.DagId, r.run.DagRunId))
            .Select(g => g.OrderBy(r => r.run.UpdatedAt ?? DateTimeOffset.MinValue).ThenBy(r => r.index).Last().run)
            .OrderBy(r => r.DagId, StringComparer.Ordinal)
            .ThenBy(r => r.DagRunId, StringComparer.Ordinal)
            .ToList();

        var now = Now();
        using var turn = await dialect.EnterWriteAsync(cancellationToken);
        await using var connection = await dialect.OpenAsync(cancellationToken);
        await using var transaction = await dialect.BeginWriteAsync(connection, cancellationToken);

        // Every full chunk reuses one command (prepared once; only values change), the last, shorter one gets its own.
        var commands = new Dictionary<int, DbCommand>();
        try
        {
            foreach (var chunk in distinct.Chunk(dialect.UpsertChunkRows))
            {
                if (!commands.TryGetValue(chunk.Length, out var command))
                {
                    command = connection.CreateCommand(BuildUpsertSql(chunk.Length), transaction);
                    AddTimestamp(command, "@now", now);
                    for (var i = 0; i < chunk.Length; i++)
                    {
                        AddUpsertParameters(command, i.ToString(System.Globalization.CultureInfo.InvariantCulture));
                    }

                    commands.Add(chunk.Length, command);
                }

                for (var i = 0; i < chunk.Length; i++)
                {
                    SetUpsertValues(command, chunk[i], i);
                }

                await command.ExecuteNonQueryAsync(cancellationToken);
            }
        }
        finally
        {
            foreach (var command in commands.Values)
            {
                await command.DisposeAsync();
            }
        }

        await transaction.CommitAsync(cancellationToken);
        LogObservedRunsUpserted(logger, distinct.Count);
    }

    public Task<DateTimeOffset?> GetSyncWatermarkAsync(string key, CancellationToken cancellationToken = default) =>
        StorableText.HasNul(key) ? Task.FromResult<DateTimeOffset?>(null) : WithConnectionAsync(async connection =>
        {
            await using var command = connection.CreateCommand("SELECT value FROM sync_watermarks WHERE key = @key");
            command.AddText("@key", key);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            return await reader.ReadAsync(cancellationToken) ? dialect.ReadTimestamp(reader, 0) : (DateTimeOffset?)null;
        }, cancellationToken);

    public Task SetSyncWatermarkAsync(string key, DateTimeOffset value, CancellationToken cancellationToken = default) =>
        WithWriteConnectionAsync(async connection =>
        {
            StorableText.Ensure(key, nameof(key));
            await using var command = connection.CreateCommand(
                "INSERT INTO sync_watermarks (key, value) VALUES (@key, @value) ON CONFLICT (key) DO UPDATE SET value = excluded.value");
            command.AddText("@key", key);
            AddTimestamp(command, "@value", value);
            return await command.ExecuteNonQueryAsync(cancellationToken);
        }, cancellationToken);

    public Task<string?> GetMirrorStateAsync(string key, CancellationToken cancellationToken = default) =>
        StorableText.HasNul(key) ? Task.FromResult<string?>(null) : WithConnectionAsync(async connection =>
        {
            await using var command = connection.CreateCommand("SELECT value FROM mirror_state WHERE key = @key");
            command.AddText("@key", key);
            return await command.ExecuteScalarAsync(cancellationToken) as string;
        }, cancellationToken);

    public Task SetMirrorStateAsync(string key, string value, CancellationToken cancellationToken = default) =>
        WithWriteConnectionAsync(async connection =>
        {
            StorableText.Ensure(key, nameof(key));
            StorableText.Ensure(value, nameof(value));
            await using var command = connection.CreateCommand(
                "INSERT INTO mirror_state (key, value) VALUES (@key, @value) ON CONFLICT (key) DO UPDATE SET value = excluded.value");
            command.AddText("@key", key);
            command.AddText("@value", value);
            return await command.ExecuteNonQueryAsync(cancellationToken);
        }, cancellationToken);

    public Task<int> DeleteExternalEndedBeforeAsync(DateTimeOffset endedBefore, int limit, CancellationToken cancellationToken = default) =>
        WithWriteConnectionAsync(async connection =>
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
            await using var command = connection.CreateCommand(
                "DELETE FROM runs WHERE id IN (SELECT id FROM runs WHERE source = 'External' AND end_date < @ended_before LIMIT @limit)");
            AddTimestamp(command, "@ended_before", endedBefore);
            command.AddInt64("@limit", limit);
            return await command.ExecuteNonQueryAsync(cancellationToken);
        }, cancellationToken);

    private string BuildUpsertSql(int rows)
    {
        var sql = new StringBuilder(
            """
            INSERT INTO runs (dag_id, dag_run_id, source, triggered_by_name, triggered_by_name_folded, conf, record_state,
                created_at, updated_at, last_synced_at, state, run_type, logical_date, run_after, queued_at, start_date,
                end_date, airflow_note, airflow_updated_at)
            VALUES
            """);
        for (var i = 0; i < rows; i++)
        {
            var s = i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            sql.Append(i == 0 ? "\n" : ",\n")
                .Append($"(@dag_id{s}, @dag_run_id{s}, 'External', @user_name{s}, @user_name_folded{s}, {dialect.JsonParameter("@conf" + s)}, 'Confirmed', ")
                .Append($"@now, @now, @now, @state{s}, @run_type{s}, @logical_date{s}, @run_after{s}, @queued_at{s}, @start_date{s}, ")
                .Append($"@end_date{s}, @airflow_note{s}, @airflow_updated_at{s})");
        }

        // Owner, pipelines and conf of Airgate's own records are never replaced; an observation older than the
        // stored one (two syncs racing) changes nothing.
        sql.Append(
            """

            ON CONFLICT (dag_id, dag_run_id) DO UPDATE SET
                state = excluded.state, run_type = excluded.run_type, logical_date = excluded.logical_date,
                run_after = excluded.run_after, queued_at = excluded.queued_at, start_date = excluded.start_date,
                end_date = excluded.end_date, airflow_note = excluded.airflow_note,
                airflow_updated_at = excluded.airflow_updated_at, last_synced_at = excluded.last_synced_at,
                updated_at = excluded.updated_at, record_state = 'Confirmed', failure_reason = NULL,
                triggered_by_name = CASE WHEN runs.source = 'External' THEN excluded.triggered_by_name ELSE runs.triggered_by_name END,
                triggered_by_name_folded = CASE WHEN runs.source = 'External' THEN excluded.triggered_by_name_folded ELSE runs.triggered_by_name_folded END,
                conf = CASE WHEN runs.source = 'External' THEN excluded.conf ELSE runs.conf END
            WHERE runs.airflow_updated_at IS NULL OR excluded.airflow_updated_at IS NULL
                OR excluded.airflow_updated_at >= runs.airflow_updated_at
            """);
        return sql.ToString();
    }

    private static void EnsureStorable(ObservedRun run)
    {
        StorableText.Ensure(run.DagId, "run.DagId");
        StorableText.Ensure(run.DagRunId, "run.DagRunId");
        StorableText.Ensure(run.State, "run.State");
        StorableText.Ensure(run.RunType, "run.RunType");
        StorableText.Ensure(run.Note, "run.Note");
        StorableText.Ensure(run.TriggeringUserName, "run.TriggeringUserName");
        JsonText.EnsureValid(run.Conf, "run.Conf");
    }

    private void AddUpsertParameters(DbCommand command, string suffix)
    {
        foreach (var name in UpsertTextParameters)
        {
            command.AddText(name + suffix, null);
        }

        foreach (var name in UpsertTimestampParameters)
        {
            AddTimestamp(command, name + suffix, null);
        }
    }

    // By position, in AddUpsertParameters' order after the leading @now: looking parameters up by name is linear
    // in their number (hundreds per statement) for every value set.
    private void SetUpsertValues(DbCommand command, ObservedRun run, int row)
    {
        object?[] values =
        [
            run.DagId, run.DagRunId, run.TriggeringUserName, RunSql.FoldName(run.TriggeringUserName), run.Conf, run.State,
            run.RunType, run.Note, Time(run.LogicalDate), Time(run.RunAfter), Time(run.QueuedAt), Time(run.StartDate),
            Time(run.EndDate), Time(run.UpdatedAt),
        ];
        var first = 1 + (row * values.Length);
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters[first + i].Value = values[i] ?? DBNull.Value;
        }

        object? Time(DateTimeOffset? value) => value is { } v ? dialect.ToDatabase(v) : null;
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Mirrored {Count} runs observed in Airflow")]
    private static partial void LogObservedRunsUpserted(ILogger logger, int count);
}
