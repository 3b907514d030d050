using System.Data.Common;
using Airgate.Core.Runs;
using Airgate.Storage.Sql;
using Npgsql;

namespace Airgate.Storage.Postgres;

/// <summary>
/// Leadership as a session-level advisory lock held on one dedicated, unpooled connection: it is released the moment
/// that connection dies (process killed, network gone, server restarted), so another replica takes over at its next
/// try. Unpooled because a pooled connection would keep the lock while idle in the pool.
/// </summary>
internal sealed class PostgresLeaderLock(string connectionString) : IMirrorLeaderLock
{
    // Not the migration lock's key: leadership is held for hours, migrations must still run.
    private const long LeaderLockKey = 0x41_69_72_67_61_74_4C;

    private readonly string _connectionString = new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private NpgsqlConnection? _held;

    public async Task<bool> TryHoldAsync(CancellationToken cancellationToken = default)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_held is not null)
            {
                if (await IsAliveAsync(_held, cancellationToken))
                {
                    return true;
                }

                await DropAsync();
            }

            var connection = new NpgsqlConnection(_connectionString);
            try
            {
                await connection.OpenAsync(cancellationToken);
                await using var command = connection.CreateCommand("SELECT pg_try_advisory_lock(@key)");
                command.AddInt64("@key", LeaderLockKey);
                if (await command.ExecuteScalarAsync(cancellationToken) is true)
                {
                    _held = connection;
                    return true;
                }
            }
            catch (Exception e) when (IsConnectionFailure(e))
            {
                // Without the database nobody can prove leadership; try again next time.
            }

            await connection.DisposeAsync();
            return false;
        }
        finally
        {
            _gate.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _gate.WaitAsync();
        try
        {
            await DropAsync();
        }
        finally
        {
            _gate.Release();
        }

        _gate.Dispose();
    }

    private static async Task<bool> IsAliveAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        try
        {
            await using var ping = connection.CreateCommand("SELECT 1");
            await ping.ExecuteScalarAsync(cancellationToken);
            return true;
        }
        catch (Exception e) when (IsConnectionFailure(e))
        {
            return false;
        }
    }

    private static bool IsConnectionFailure(Exception e) =>
        e is DbException or IOException or TimeoutException or InvalidOperationException;

    private async Task DropAsync()
    {
        if (_held is { } connection)
        {
            _held = null;
            try
            {
                await connection.DisposeAsync();
            }
            catch (Exception e) when (IsConnectionFailure(e))
            {
                // Already gone, and the lock with it.
            }
        }
    }
}
