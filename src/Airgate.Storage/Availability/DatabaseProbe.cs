using Airgate.Storage.Sql;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Airgate.Storage.Availability;

/// <summary>
/// Asks the database whether it answers and accepts writes, in one round trip (PostgreSQL: <c>SHOW
/// transaction_read_only</c>; SQLite: whether the file was opened read-only), and records the answer in
/// <see cref="DatabaseAvailability"/>. Readiness calls it; so does <c>airgate config check</c>, once, with a short timeout.
/// </summary>
public sealed class DatabaseProbe
{
    private const string ReadOnlyReason = "new transactions are read-only";

    private readonly SqlDialect _dialect;
    private readonly DatabaseAvailability _availability;

    internal DatabaseProbe(SqlDialect dialect, DatabaseAvailability availability) => (_dialect, _availability) = (dialect, availability);

    /// <summary>The database's state now; before the start-up migration has succeeded, the start-up's own state.</summary>
    public async Task<DatabaseState> CheckAsync(CancellationToken cancellationToken = default)
    {
        if (!_availability.IsMigrated)
        {
            return _availability.State;
        }

        try
        {
            await using var connection = await _dialect.OpenConnectionAsync(cancellationToken);
            if (await _dialect.AcceptsWritesAsync(connection, cancellationToken))
            {
                _availability.ReportWritable();
            }
            else
            {
                _availability.ReportReadOnly(ReadOnlyReason);
            }
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested && (DatabaseFailures.IsDatabaseFailure(e) || DatabaseFailures.IsConnectionFailure(e)))
        {
            _availability.ReportFailure(e);
        }

        return _availability.State;
    }

    /// <summary>
    /// One try at the configured database without changing it (no migration; a SQLite file is not created), within
    /// <paramref name="timeout"/>: what <c>airgate config check</c> prints. The text names the server, never the password.
    /// </summary>
    public static async Task<(DatabaseState State, string Detail)> TryOnceAsync(StorageOptions options, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var endpoint = DatabaseEndpoint.Describe(options);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            if (options.ParsedProvider == StorageProvider.Sqlite && SqliteFileMissing(options) is { } missing)
            {
                return missing.Exists
                    ? (DatabaseState.Starting, $"{endpoint}: the file does not exist yet; Airgate creates it at start")
                    : (DatabaseState.Unreachable, $"{endpoint}: the folder {missing.FullName} does not exist");
            }

            await using var dialect = RunStoreServiceCollectionExtensions.CreateDialect(WithTimeout(options, timeout), availability: null);
            await using var connection = await dialect.OpenConnectionAsync(deadline.Token);
            return await dialect.AcceptsWritesAsync(connection, deadline.Token)
                ? (DatabaseState.Ready, $"{endpoint}: reachable, accepts writes")
                : (DatabaseState.ReadOnly, $"{endpoint}: reachable but read-only ({ReadOnlyReason}); Airgate would not be ready");
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            return (DatabaseState.Unreachable, $"{endpoint}: no answer within {timeout.TotalSeconds:0} s");
        }
        catch (Exception e) when (DatabaseFailures.IsDatabaseFailure(e) || DatabaseFailures.IsConnectionFailure(e))
        {
            return (DatabaseState.Unreachable, $"{endpoint}: cannot be reached: {DatabaseFailures.Reason(e)}");
        }
    }

    // The folder of a SQLite file that does not exist yet (Exists: whether the folder does); null when the file exists.
    private static DirectoryInfo? SqliteFileMissing(StorageOptions options)
    {
        var file = new FileInfo(new SqliteConnectionStringBuilder(options.EffectiveConnectionString).DataSource);
        return file.Exists ? null : file.Directory ?? new DirectoryInfo(".");
    }

    private static StorageOptions WithTimeout(StorageOptions options, TimeSpan timeout) => options.ParsedProvider == StorageProvider.Postgres
        ? options with
        {
            ConnectionString = new NpgsqlConnectionStringBuilder(options.EffectiveConnectionString)
            {
                Timeout = Math.Max(1, (int)Math.Ceiling(timeout.TotalSeconds)),
                Pooling = false,
            }.ConnectionString,
        }
        : options;
}
