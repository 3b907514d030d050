using System.Data.Common;
using System.Text;
using Airgate.Core.Runs;
using Microsoft.Extensions.Logging;

namespace Airgate.Storage.Sql;

/// <summary>The run store for both databases: one set of SQL, with the differences kept in <see cref="SqlDialect"/>.</summary>
internal sealed partial class SqlRunStore(SqlDialect dialect, TimeProvider timeProvider, ILogger<SqlRunStore> logger) : IRunStore
{
    // A sync may have stored a newer state than the trigger answer being confirmed: keep whichever Airflow updated last.
    private static readonly string MirroredFieldsUnlessStale = string.Join(
        ",\n    ",
        new[] { "state", "run_type", "logical_date", "run_after", "queued_at", "start_date", "end_date", "airflow_note", "airflow_updated_at" }
            .Select(column => $"{column} = CASE WHEN airflow_updated_at IS NULL OR @airflow_updated_at IS NULL " +
                $"OR @airflow_updated_at >= airflow_updated_at THEN @{column} ELSE {column} END"));

    private static readonly string[] UpsertTextParameters =
        ["@dag_id", "@dag_run_id", "@user_name", "@user_name_folded", "@conf", "@state", "@run_type", "@airflow_note"];

    private static readonly string[] UpsertTimestampParameters =
        ["@logical_date", "@run_after", "@queued_at", "@start_date", "@end_date", "@airflow_updated_at"];

    public async Task<CreateRunResult> CreatePendingAsync(NewRunRecord run, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(run);
        if (string.IsNullOrEmpty(run.TriggeredBy.Id))
        {
            throw new ArgumentException("A run triggered through Airgate needs the triggering user's id.", nameof(run));
        }

        StorableText.Ensure(run.DagId, "run.DagId");
        StorableText.Ensure(run.DagRunId, "run.DagRunId");
        StorableText.Ensure(run.TriggeredBy.Id, "run.TriggeredBy.Id");
        StorableText.Ensure(run.TriggeredBy.Name, "run.TriggeredBy.Name");
        StorableText.Ensure(run.Note, "run.Note");
        StorableText.Ensure(run.IdempotencyKey, "run.IdempotencyKey");
        StorableText.Ensure(run.RequestFingerprint, "run.RequestFingerprint");
        JsonText.EnsureValid(run.Pipelines, "run.Pipelines");
        JsonText.EnsureValid(run.Conf, "run.Conf");

        var now = Now();
        await using var connection = await dialect.OpenAsync(cancellationToken);

        // ON CONFLICT DO NOTHING covers both unique indexes: (dag_id, dag_run_id) and (triggered_by_id, idempotency_key).
        await using (var insert = connection.CreateCommand(
            $"""
            INSERT INTO runs (dag_id, dag_run_id, source, triggered_by_id, triggered_by_name, triggered_by_name_folded,
                pipelines, conf, note, idempotency_key, request_fingerprint, record_state, created_at, updated_at)
            VALUES (@dag_id, @dag_run_id, 'Airgate', @user_id, @user_name, @user_name_folded,
                {dialect.JsonParameter("@pipelines")}, {dialect.JsonParameter("@conf")}, @note, @idempotency_key,
                @request_fingerprint, 'Pending', @now, @now)
            ON CONFLICT DO NOTHING
            RETURNING {RunSql.Columns}
            """))
        {
            insert.AddText("@dag_id", run.DagId);
            insert.AddText("@dag_run_id", run.DagRunId);
            insert.AddText("@user_id", run.TriggeredBy.Id);
            insert.AddText("@user_name", run.TriggeredBy.Name);
            insert.AddText("@user_name_folded", RunSql.FoldName(run.TriggeredBy.Name));
            insert.AddText("@pipelines", run.Pipelines);
            insert.AddText("@conf", run.Conf);
            insert.AddText("@note", run.Note);
            insert.AddText("@idempotency_key", run.IdempotencyKey);
            insert.AddText("@request_fingerprint", run.RequestFingerprint);
            insert.Add("@now", dialect.TimestampDbType, dialect.ToDatabase(now));
            var created = await ReadSingleAsync(insert, cancellationToken);
            if (created is not null)
            {
                return new CreateRunResult(created, CreateRunOutcome.Created);
            }
        }

        // The conflicting row was committed before our insert gave up, so these reads see it.
        if (run.IdempotencyKey is not null
            && await FindByIdempotencyKeyAsync(run.TriggeredBy.Id, run.IdempotencyKey, cancellationToken) is { } replay)
        {
            return new CreateRunResult(replay, CreateRunOutcome.IdempotencyKeyExists);
        }

        var taken = await GetAsync(run.DagId, run.DagRunId, cancellationToken)
            ?? throw new InvalidOperationException($"Inserting run '{run.DagRunId}' of '{run.DagId}' conflicted, yet no conflicting record exists.");
        return new CreateRunResult(taken, CreateRunOutcome.DagRunIdTaken);
    }

    public Task<RunRecord?> FindByIdempotencyKeyAsync(string userId, string idempotencyKey, CancellationToken cancellationToken = default) =>
        StorableText.HasNul(userId) || StorableText.HasNul(idempotencyKey) ? Task.FromResult<RunRecord?>(null) : QuerySingleAsync(
            $"SELECT {RunSql.Columns} FROM runs WHERE triggered_by_id = @user_id AND idempotency_key = @key",
            command =>
            {
                command.AddText("@user_id", userId);
                command.AddText("@key", idempotencyKey);
            },
            cancellationToken);

    public Task<RunRecord?> GetAsync(string dagId, string dagRunId, CancellationToken cancellationToken = default) =>
        StorableText.HasNul(dagId) || StorableText.HasNul(dagRunId) ? Task.FromResult<RunRecord?>(null) : QuerySingleAsync(
            $"SELECT {RunSql.Columns} FROM runs WHERE dag_id = @dag_id AND dag_run_id = @dag_run_id",
            command =>
            {
                command.AddText("@dag_id", dagId);
                command.AddText("@dag_run_id", dagRunId);
            },
            cancellationToken);

    public Task<RunRecord?> GetByIdAsync(long id, CancellationToken cancellationToken = default) =>
        QuerySingleAsync($"SELECT {RunSql.Columns} FROM runs WHERE id = @id", command => command.AddInt64("@id", id), cancellationToken);

    public Task<RunRecord?> MarkConfirmedAsync(long id, ObservedRun airflowRun, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(airflowRun);
        EnsureStorable(airflowRun);
        var now = Now();
        return QuerySingleAsync(
            $"""
            UPDATE runs SET record_state = 'Confirmed', failure_reason = NULL, last_synced_at = @now, updated_at = @now,
                {MirroredFieldsUnlessStale}
            WHERE id = @id
            RETURNING {RunSql.Columns}
            """,
            command =>
            {
                command.AddInt64("@id", id);
                AddObservedFields(command, airflowRun, string.Empty);
                AddTimestamp(command, "@now", now);
            },
            cancellationToken);
    }

    public async Task<RunRecord?> MarkFailedAsync(long id, string reason, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reason);
        StorableText.Ensure(reason, nameof(reason));

        // Only a pending record can fail: once Airflow is known to have the run, that is the truth.
        var failed = await QuerySingleAsync(
            $"""
            UPDATE runs SET record_state = 'Failed', failure_reason = @reason, updated_at = @now
            WHERE id = @id AND record_state = 'Pending'
            RETURNING {RunSql.Columns}
            """,
            command =>
            {
                command.AddInt64("@id", id);
                command.AddText("@reason", reason);
                AddTimestamp(command, "@now", Now());
            },
            cancellationToken);
        return failed ?? await GetByIdAsync(id, cancellationToken);
    }

    public async Task<IReadOnlyList<RunRecord>> ListPendingAsync(DateTimeOffset olderThan, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        await using var connection = await dialect.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand(
            $"""
            SELECT {RunSql.Columns} FROM runs
            WHERE record_state = 'Pending' AND created_at <= @older_than
            ORDER BY created_at, id
            LIMIT @limit
            """);
        AddTimestamp(command, "@older_than", olderThan);
        command.AddInt64("@limit", limit);
        return await ReadAllAsync(command, cancellationToken);
    }

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

        // One statement may not touch a row twice (PostgreSQL refuses), so keep the newest observation of each run.
        var distinct = runs
            .Select((run, index) => (run, index))
            .GroupBy(r => (r.run.DagId, r.run.DagRunId))
            .Select(g => g.OrderBy(r => r.run.UpdatedAt ?? DateTimeOffset.MinValue).ThenBy(r => r.index).Last().run)
            .ToList();

        var now = Now();
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
        WithConnectionAsync(async connection =>
        {
            StorableText.Ensure(key, nameof(key));
            await using var command = connection.CreateCommand(
                "INSERT INTO sync_watermarks (key, value) VALUES (@key, @value) ON CONFLICT (key) DO UPDATE SET value = excluded.value");
            command.AddText("@key", key);
            AddTimestamp(command, "@value", value);
            return await command.ExecuteNonQueryAsync(cancellationToken);
        }, cancellationToken);

    public async Task<RunPage> ListAsync(RunQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfLessThan(query.Limit, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(query.Limit, RunQuery.MaxLimit);
        ArgumentOutOfRangeException.ThrowIfLessThan(query.Offset, 0);
        var states = query.States.Where(s => !StorableText.HasNul(s)).ToList();
        if (StorableText.HasNul(query.DagId) || StorableText.HasNul(query.OwnerId) || StorableText.HasNul(query.OwnerNamePattern)
            || (query.States.Count > 0 && states.Count == 0))
        {
            return new RunPage([], 0);
        }

        var where = new StringBuilder("WHERE record_state = 'Confirmed'");
        var parameters = new List<(string Name, string Value)>();
        if (query.DagId is not null)
        {
            where.Append(" AND dag_id = @dag_id");
            parameters.Add(("@dag_id", query.DagId));
        }

        if (query.OwnerId is not null)
        {
            where.Append(" AND triggered_by_id = @owner_id");
            parameters.Add(("@owner_id", query.OwnerId));
        }

        if (query.OwnerNamePattern is not null)
        {
            where.Append(@" AND triggered_by_name_folded LIKE @owner_name ESCAPE '\'");
            parameters.Add(("@owner_name", RunSql.NormalizeLikePattern(query.OwnerNamePattern)));
        }

        if (states.Count > 0)
        {
            var names = states.Select((_, i) => "@state" + i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList();
            where.Append(" AND state IN (").AppendJoin(", ", names).Append(')');
            parameters.AddRange(names.Zip(states));
        }

        await using var connection = await dialect.OpenAsync(cancellationToken);
        await using var transaction = await dialect.BeginSnapshotReadAsync(connection, cancellationToken);

        long total;
        await using (var count = connection.CreateCommand($"SELECT COUNT(*) FROM runs {where}", transaction))
        {
            parameters.ForEach(p => count.AddText(p.Name, p.Value));
            total = Convert.ToInt64(await count.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
        }

        IReadOnlyList<RunRecord> items = [];
        if (query.Offset < total)
        {
            await using var page = connection.CreateCommand(
                $"SELECT {RunSql.Columns} FROM runs {where} ORDER BY {RunSql.OrderBy(query.OrderBy)} LIMIT @limit OFFSET @offset",
                transaction);
            parameters.ForEach(p => page.AddText(p.Name, p.Value));
            page.AddInt64("@limit", query.Limit);
            page.AddInt64("@offset", query.Offset);
            items = await ReadAllAsync(page, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return new RunPage(items, total);
    }

    public Task PingAsync(CancellationToken cancellationToken = default) =>
        WithConnectionAsync(async connection =>
        {
            await using var command = connection.CreateCommand("SELECT 1");
            return await command.ExecuteScalarAsync(cancellationToken);
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

    private void AddObservedFields(DbCommand command, ObservedRun run, string suffix)
    {
        command.AddText("@state" + suffix, run.State);
        command.AddText("@run_type" + suffix, run.RunType);
        AddTimestamp(command, "@logical_date" + suffix, run.LogicalDate);
        AddTimestamp(command, "@run_after" + suffix, run.RunAfter);
        AddTimestamp(command, "@queued_at" + suffix, run.QueuedAt);
        AddTimestamp(command, "@start_date" + suffix, run.StartDate);
        AddTimestamp(command, "@end_date" + suffix, run.EndDate);
        command.AddText("@airflow_note" + suffix, run.Note);
        AddTimestamp(command, "@airflow_updated_at" + suffix, run.UpdatedAt);
    }

    private void AddTimestamp(DbCommand command, string name, DateTimeOffset? value) =>
        command.Add(name, dialect.TimestampDbType, value is { } v ? dialect.ToDatabase(v) : null);

    private DateTimeOffset Now() => UtcTimestamps.Normalize(timeProvider.GetUtcNow());

    private async Task<T> WithConnectionAsync<T>(Func<DbConnection, Task<T>> action, CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken);
        return await action(connection);
    }

    private async Task<RunRecord?> QuerySingleAsync(string sql, Action<DbCommand> bind, CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand(sql);
        bind(command);
        return await ReadSingleAsync(command, cancellationToken);
    }

    private async Task<RunRecord?> ReadSingleAsync(DbCommand command, CancellationToken cancellationToken)
    {
        var rows = await ReadAllAsync(command, cancellationToken);
        return rows.Count == 0 ? null : rows[0];
    }

    private async Task<IReadOnlyList<RunRecord>> ReadAllAsync(DbCommand command, CancellationToken cancellationToken)
    {
        var records = new List<RunRecord>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            records.Add(RunRowReader.Read(reader, dialect));
        }

        return records;
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Mirrored {Count} runs observed in Airflow")]
    private static partial void LogObservedRunsUpserted(ILogger logger, int count);
}
