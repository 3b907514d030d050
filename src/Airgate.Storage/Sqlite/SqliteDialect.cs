using System.Data;
using System.Data.Common;
using Airgate.Storage.Sql;
using Microsoft.Data.Sqlite;

namespace Airgate.Storage.Sqlite;

/// <summary>
/// SQLite: one connection per operation (pooled by Microsoft.Data.Sqlite), WAL so readers never block the writer,
/// a busy timeout so writers queue, foreign keys on, timestamps as sortable UTC text.
/// </summary>
/// <remarks>
/// One bound on every wait for the write lock (<see cref="StorageOptions.BusyTimeout"/>): SQLite's busy handler, the
/// driver's own retry of a busy statement (its command timeout) and this process's queue of writers. A file another
/// process holds locked therefore fails each operation within about that bound, instead of queueing requests for minutes.
/// </remarks>
internal sealed class SqliteDialect : SqlDialect
{
    // SQLITE_BUSY: what SQLite itself answers when the lock stays taken past the busy timeout.
    private const int SqliteBusy = 5;
    private readonly string _connectionString;
    private readonly TimeSpan _busyTimeout;
    private readonly SemaphoreSlim _writer = new(1, 1);

    public SqliteDialect(string connectionString, TimeSpan busyTimeout)
    {
        _busyTimeout = busyTimeout;
        _connectionString = new SqliteConnectionStringBuilder(connectionString)
        {
            Mode = SqliteOpenMode.ReadWriteCreate,
            DefaultTimeout = Math.Max(1, (int)Math.Ceiling(busyTimeout.TotalSeconds)),
        }.ToString();
    }

    public override string MigrationFolder => "sqlite";

    public override string SchemaMigrationsTableSql =>
        "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, checksum TEXT NOT NULL, applied_at TEXT NOT NULL)";

    // SQLite runs in-process, so round trips are free, but binding named parameters costs time quadratic in their
    // number: small statements, prepared once and reused, are fastest.
    public override int UpsertChunkRows => 32;

    public override DbType TimestampDbType => DbType.String;

    public override async Task<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            await using var pragmas = connection.CreateCommand(
                $"PRAGMA busy_timeout = {(long)_busyTimeout.TotalMilliseconds}; PRAGMA foreign_keys = ON;");
            await pragmas.ExecuteNonQueryAsync(cancellationToken);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    // SQLite opens a file it may not write read-only without saying so; it answers when asked.
    public override Task<bool> AcceptsWritesAsync(DbConnection connection, CancellationToken cancellationToken) =>
        Task.FromResult(SQLitePCL.raw.sqlite3_db_readonly(((SqliteConnection)connection).Handle, "main") == 0);

    // BEGIN IMMEDIATE: a deferred transaction that later writes can fail with SQLITE_BUSY instead of waiting.
    public override Task<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken cancellationToken) =>
        Task.FromResult<DbTransaction>(((SqliteConnection)connection).BeginTransaction(deferred: false));

    public override Task<DbTransaction> BeginSnapshotReadAsync(DbConnection connection, CancellationToken cancellationToken) =>
        Task.FromResult<DbTransaction>(((SqliteConnection)connection).BeginTransaction(deferred: true));

    // BEGIN IMMEDIATE already holds the database's single write lock.
    public override Task LockForMigrationAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken) =>
        Task.CompletedTask;

    public override async Task PrepareDatabaseAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken);
        await using var command = connection.CreateCommand("PRAGMA journal_mode = WAL");
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    // Inside BEGIN IMMEDIATE nobody else writes, so the rows up to today's last rowid are exactly the ones folded.
    public override async Task FoldCountDeltasAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand(
            """
            INSERT INTO run_count_deltas (dag_id, state, delta)
            SELECT dag_id, state, sum(delta) FROM run_count_deltas WHERE rowid <= @last GROUP BY dag_id, state HAVING sum(delta) <> 0;
            DELETE FROM run_count_deltas WHERE rowid <= @last;
            """,
            transaction);
        await using var last = connection.CreateCommand("SELECT COALESCE(max(rowid), 0) FROM run_count_deltas", transaction);
        command.AddInt64("@last", Convert.ToInt64(await last.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public override async ValueTask<IDisposable?> EnterWriteAsync(CancellationToken cancellationToken)
    {
        if (!await _writer.WaitAsync(_busyTimeout, cancellationToken))
        {
            throw new SqliteException($"Another write held the database longer than the busy timeout ({_busyTimeout.TotalSeconds:0.###} s).", SqliteBusy);
        }

        return new WriterTurn(_writer);
    }

    public override string JsonParameter(string parameterName) => parameterName;

    public override object ToDatabase(DateTimeOffset value) => UtcTimestamps.ToText(value);

    public override DateTimeOffset ReadTimestamp(DbDataReader reader, int ordinal) => UtcTimestamps.FromText(reader.GetString(ordinal));

    // Connections are pooled by Microsoft.Data.Sqlite itself.
    public override ValueTask DisposeAsync()
    {
        _writer.Dispose();
        return ValueTask.CompletedTask;
    }

    private sealed class WriterTurn(SemaphoreSlim writer) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                writer.Release();
            }
        }
    }
}
