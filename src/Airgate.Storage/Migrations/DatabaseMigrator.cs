using System.Data.Common;
using Airgate.Storage.Sql;
using Microsoft.Extensions.Logging;

namespace Airgate.Storage.Migrations;

/// <summary>
/// Brings the database to the newest embedded schema version in one transaction, recording versions in
/// <c>schema_migrations</c>. Idempotent; concurrent runs are serialised; a database newer than this code, or
/// whose applied scripts were edited since, is refused.
/// </summary>
public sealed partial class DatabaseMigrator
{
    private readonly SqlDialect _dialect;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger<DatabaseMigrator> _logger;
    private readonly IReadOnlyList<Migration> _migrations;

    internal DatabaseMigrator(SqlDialect dialect, TimeProvider timeProvider, ILogger<DatabaseMigrator> logger)
    {
        _dialect = dialect;
        _timeProvider = timeProvider;
        _logger = logger;
        _migrations = EmbeddedMigrations.Load(dialect.MigrationFolder);
    }

    /// <summary>The newest schema version this code knows.</summary>
    public int LatestVersion => _migrations.Count == 0 ? 0 : _migrations[^1].Version;

    public async Task<MigrationResult> MigrateAsync(CancellationToken cancellationToken = default)
    {
        await _dialect.PrepareDatabaseAsync(cancellationToken);
        await using var connection = await _dialect.OpenConnectionAsync(cancellationToken);
        await using var transaction = await _dialect.BeginWriteAsync(connection, cancellationToken);
        await _dialect.LockForMigrationAsync(connection, transaction, cancellationToken);
        await ExecuteAsync(connection, transaction, _dialect.SchemaMigrationsTableSql, cancellationToken);

        var applied = await ReadAppliedAsync(connection, transaction, cancellationToken);
        CheckApplied(applied);

        var newlyApplied = new List<AppliedMigration>();
        foreach (var migration in _migrations.Where(m => !applied.ContainsKey(m.Version)))
        {
            try
            {
                await ExecuteAsync(connection, transaction, migration.Sql, cancellationToken);
            }
            catch (DbException e)
            {
                throw new MigrationException($"Migration {migration.Name} failed ({e.Message}); nothing was changed.", e);
            }

            await using var record = connection.CreateCommand(
                "INSERT INTO schema_migrations (version, name, checksum, applied_at) VALUES (@version, @name, @checksum, @applied_at)",
                transaction);
            record.AddInt64("@version", migration.Version);
            record.AddText("@name", migration.Name);
            record.AddText("@checksum", migration.Checksum);
            record.Add("@applied_at", _dialect.TimestampDbType, _dialect.ToDatabase(_timeProvider.GetUtcNow()));
            await record.ExecuteNonQueryAsync(cancellationToken);
            newlyApplied.Add(new AppliedMigration(migration.Version, migration.Name));
        }

        await transaction.CommitAsync(cancellationToken);
        foreach (var migration in newlyApplied)
        {
            LogMigrationApplied(_logger, migration.Version, migration.Name);
        }

        var current = applied.Keys.Concat(newlyApplied.Select(m => m.Version)).DefaultIfEmpty(0).Max();
        LogSchemaVersion(_logger, current);
        return new MigrationResult(newlyApplied, current);
    }

    private void CheckApplied(IReadOnlyDictionary<int, (string Name, string Checksum)> applied)
    {
        var newest = applied.Keys.DefaultIfEmpty(0).Max();
        if (newest > LatestVersion)
        {
            throw new MigrationException(
                $"The database schema is at version {newest} ({applied[newest].Name}) but this Airgate knows versions up to {LatestVersion}. " +
                "It was migrated by a newer Airgate: run that version, or point Airgate:Database:ConnectionString at another database.");
        }

        foreach (var (version, (name, checksum)) in applied)
        {
            var known = _migrations.FirstOrDefault(m => m.Version == version);
            if (known is null)
            {
                throw new MigrationException($"The database has migration {version} ({name}) applied, which this Airgate does not know.");
            }

            if (!string.Equals(known.Checksum, checksum, StringComparison.Ordinal))
            {
                throw new MigrationException(
                    $"Migration {known.Name} was changed after it was applied to this database; applied scripts must never be edited. " +
                    "Restore the original script and add the change as a new migration.");
            }
        }
    }

    private static async Task<Dictionary<int, (string Name, string Checksum)>> ReadAppliedAsync(
        DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken)
    {
        var applied = new Dictionary<int, (string, string)>();
        await using var command = connection.CreateCommand("SELECT version, name, checksum FROM schema_migrations", transaction);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            applied[Convert.ToInt32(reader.GetValue(0), System.Globalization.CultureInfo.InvariantCulture)] = (reader.GetString(1), reader.GetString(2));
        }

        return applied;
    }

    private static async Task ExecuteAsync(DbConnection connection, DbTransaction transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand(sql, transaction);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Applied database migration {Version} ({Name})")]
    private static partial void LogMigrationApplied(ILogger logger, int version, string name);

    [LoggerMessage(Level = LogLevel.Information, Message = "Database schema is at version {Version}")]
    private static partial void LogSchemaVersion(ILogger logger, int version);
}
