using System.Data.Common;
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
        StorableText.Ensure(run.RerunOf, "run.RerunOf");
        JsonText.EnsureValid(run.SchemaHashes, "run.SchemaHashes");

        var now = Now();
        using var turn = await dialect.EnterWriteAsync(cancellationToken);
        await using var connection = await dialect.OpenAsync(cancellationToken);

        // ON CONFLICT DO NOTHING covers both unique indexes: (dag_id, dag_run_id) and (triggered_by_id, idempotency_key).
        await using (var insert = connection.CreateCommand(
            $"""
            INSERT INTO runs (dag_id, dag_run_id, source, triggered_by_id, triggered_by_name, triggered_by_name_folded,
                pipelines, conf, note, idempotency_key, request_fingerprint, record_state, created_at, updated_at,
                rerun_of, schema_hashes)
            VALUES (@dag_id, @dag_run_id, 'Airgate', @user_id, @user_name, @user_name_folded,
                {dialect.JsonParameter("@pipelines")}, {dialect.JsonParameter("@conf")}, @note, @idempotency_key,
                @request_fingerprint, 'Pending', @now, @now, @rerun_of, {dialect.JsonParameter("@schema_hashes")})
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
            insert.AddText("@rerun_of", run.RerunOf);
            insert.AddText("@schema_hashes", run.SchemaHashes);
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

    public async Task<RunRecord?> MarkConfirmedAsync(long id, ObservedRun airflowRun, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(airflowRun);
        EnsureStorable(airflowRun);
        var now = Now();
        using var turn = await dialect.EnterWriteAsync(cancellationToken);
        return await QuerySingleAsync(
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
        using var turn = await dialect.EnterWriteAsync(cancellationToken);
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

    public async Task<IReadOnlyList<RunRecord>> ListChangedSinceAsync(DateTimeOffset since, long afterId, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        await using var connection = await dialect.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand(
            $"""
            SELECT {RunSql.Columns} FROM runs
            WHERE record_state = 'Confirmed' AND (updated_at > @since OR (updated_at = @since AND id > @after_id))
            ORDER BY updated_at, id
            LIMIT @limit
            """);
        AddTimestamp(command, "@since", since);
        command.AddInt64("@after_id", afterId);
        command.AddInt64("@limit", limit);
        return await ReadAllAsync(command, cancellationToken);
    }

    public Task PingAsync(CancellationToken cancellationToken = default) =>
        WithConnectionAsync(async connection =>
        {
            await using var command = connection.CreateCommand("SELECT 1");
            return await command.ExecuteScalarAsync(cancellationToken);
        }, cancellationToken);

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

    private async Task<T> WithWriteConnectionAsync<T>(Func<DbConnection, Task<T>> action, CancellationToken cancellationToken)
    {
        using var turn = await dialect.EnterWriteAsync(cancellationToken);
        return await WithConnectionAsync(action, cancellationToken);
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
}
