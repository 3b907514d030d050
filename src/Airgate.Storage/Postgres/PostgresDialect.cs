using System.Data;
using System.Data.Common;
using Airgate.Storage.Sql;
using Npgsql;

namespace Airgate.Storage.Postgres;

/// <summary>PostgreSQL through one pooled <see cref="NpgsqlDataSource"/>; timestamps as <c>timestamptz</c>.</summary>
internal sealed class PostgresDialect(string connectionString) : SqlDialect
{
    // Any constant works as long as every Airgate uses the same one: it only serialises concurrent migrations.
    private const long MigrationLockKey = 0x41_69_72_67_61_74_65;

    private readonly NpgsqlDataSource _dataSource = NpgsqlDataSource.Create(connectionString);

    public override string MigrationFolder => "postgres";

    public override string SchemaMigrationsTableSql =>
        "CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, name text NOT NULL, checksum text NOT NULL, applied_at timestamptz NOT NULL)";

    // Round trips dominate on a server: 500 rows x 14 parameters is one trip, well below the 65 535 parameter limit.
    public override int UpsertChunkRows => 500;

    public override DbType TimestampDbType => DbType.DateTimeOffset;

    public override async Task<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken) =>
        await _dataSource.OpenConnectionAsync(cancellationToken);

    // New sessions take the database's default_transaction_read_only (and a standby is read-only whatever it says).
    public override async Task<bool> AcceptsWritesAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand("SHOW transaction_read_only");
        return !string.Equals(await command.ExecuteScalarAsync(cancellationToken) as string, "on", StringComparison.OrdinalIgnoreCase);
    }

    public override async Task<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken cancellationToken) =>
        await connection.BeginTransactionAsync(IsolationLevel.ReadCommitted, cancellationToken);

    public override async Task<DbTransaction> BeginSnapshotReadAsync(DbConnection connection, CancellationToken cancellationToken) =>
        await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken);

    public override async Task LockForMigrationAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand("SELECT pg_advisory_xact_lock(@key)", transaction);
        command.AddInt64("@key", MigrationLockKey);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    // The DELETE sees only rows committed before it began; rows appended concurrently stay for the next fold.
    public override async Task FoldCountDeltasAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand(
            """
            WITH folded AS (DELETE FROM run_count_deltas RETURNING dag_id, state, delta)
            INSERT INTO run_count_deltas (dag_id, state, delta)
            SELECT dag_id, state, sum(delta) FROM folded GROUP BY dag_id, state HAVING sum(delta) <> 0
            """,
            transaction);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public override string JsonParameter(string parameterName) => $"CAST({parameterName} AS json)";

    public override object ToDatabase(DateTimeOffset value) => UtcTimestamps.Normalize(value);

    public override DateTimeOffset ReadTimestamp(DbDataReader reader, int ordinal) => reader.GetFieldValue<DateTimeOffset>(ordinal);

    public override ValueTask DisposeAsync() => _dataSource.DisposeAsync();
}
