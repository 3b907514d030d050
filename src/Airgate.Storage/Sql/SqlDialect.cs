using System.Data;
using System.Data.Common;
using Airgate.Storage.Availability;

namespace Airgate.Storage.Sql;

/// <summary>
/// What differs between the databases: connections, transactions, how timestamps and JSON travel, and the
/// migration folder. Every query is otherwise the same SQL, written once in <see cref="SqlRunStore"/>.
/// </summary>
internal abstract class SqlDialect : IAsyncDisposable
{
    /// <summary>The embedded migration folder (<c>sqlite</c> or <c>postgres</c>).</summary>
    public abstract string MigrationFolder { get; }

    /// <summary>The DDL of the table that records applied migrations.</summary>
    public abstract string SchemaMigrationsTableSql { get; }

    /// <summary>How many runs one upsert statement carries (14 parameters each).</summary>
    public abstract int UpsertChunkRows { get; }

    /// <summary>The type timestamps are sent as.</summary>
    public abstract DbType TimestampDbType { get; }

    /// <summary>Set where the host migrates at start: until the schema is migrated, connections are refused (503s), not opened.</summary>
    public DatabaseAvailability? Availability { get; init; }

    /// <summary>A connection for the store's queries: refused while <see cref="Availability"/> says the schema is not migrated yet.</summary>
    public Task<DbConnection> OpenAsync(CancellationToken cancellationToken) =>
        Availability is { IsMigrated: false } availability
            ? Task.FromException<DbConnection>(new DatabaseUnavailableException(availability.State, availability.Describe()))
            : OpenConnectionAsync(cancellationToken);

    /// <summary>A connection whatever the schema's state (migrations and the readiness probe).</summary>
    public abstract Task<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken);

    /// <summary>False when the database refuses writes on this connection (a read-only transaction default, a read-only file).</summary>
    public abstract Task<bool> AcceptsWritesAsync(DbConnection connection, CancellationToken cancellationToken);

    /// <summary>A transaction that takes the write lock up front, so concurrent writers wait instead of deadlocking.</summary>
    public abstract Task<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken cancellationToken);

    /// <summary>A transaction whose reads all see one snapshot (a page and its total agree).</summary>
    public abstract Task<DbTransaction> BeginSnapshotReadAsync(DbConnection connection, CancellationToken cancellationToken);

    /// <summary>Serialises migrations between processes; runs inside the migration transaction.</summary>
    public abstract Task LockForMigrationAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken);

    /// <summary>Folds <c>run_count_deltas</c> into one row per (dag_id, state) without losing rows appended meanwhile.</summary>
    public abstract Task FoldCountDeltasAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken);

    /// <summary>
    /// Held around each write: null where the database queues writers itself (PostgreSQL); SQLite's single writer is
    /// queued here, in order, rather than by its busy handler, whose sleeps collapse throughput under concurrency.
    /// </summary>
    public virtual ValueTask<IDisposable?> EnterWriteAsync(CancellationToken cancellationToken) => ValueTask.FromResult<IDisposable?>(null);

    /// <summary>One-off database settings that cannot change inside a transaction (SQLite's WAL mode).</summary>
    public virtual Task PrepareDatabaseAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>An expression turning the text parameter <paramref name="parameterName"/> into the JSON column type.</summary>
    public abstract string JsonParameter(string parameterName);

    public abstract object ToDatabase(DateTimeOffset value);

    public abstract DateTimeOffset ReadTimestamp(DbDataReader reader, int ordinal);

    public abstract ValueTask DisposeAsync();
}
