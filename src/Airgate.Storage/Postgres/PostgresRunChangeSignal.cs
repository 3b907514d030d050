using Airgate.Core.Runs;
using Airgate.Storage.Availability;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Airgate.Storage.Postgres;

/// <summary>
/// <c>LISTEN airgate_run_changes</c> on one dedicated, unpooled connection (a trigger on <c>runs</c> notifies it after
/// every write, migration 0004). Started by the first wait, kept until disposal; a dropped connection is opened again
/// after <see cref="ReconnectDelay"/>, and every (re)connect also completes the waits, because changes made while it
/// was down were not announced: readers catch up by update time.
/// </summary>
internal sealed partial class PostgresRunChangeSignal(string connectionString, ILogger<PostgresRunChangeSignal> logger) : IRunChangeSignal
{
    public const string Channel = "airgate_run_changes";

    /// <summary>The connection's application_name, so an operator (or a test) can find it in pg_stat_activity.</summary>
    public const string ApplicationName = "airgate-run-changes";

    private static readonly TimeSpan ReconnectDelay = TimeSpan.FromSeconds(1);

    private readonly string _connectionString = new NpgsqlConnectionStringBuilder(connectionString)
    {
        Pooling = false,
        ApplicationName = ApplicationName,
        // A silently dead network would otherwise leave the wait hanging: keep-alives notice it.
        KeepAlive = 10,
    }.ConnectionString;

    private readonly CancellationTokenSource _stop = new();
    private readonly Lock _gate = new();
    private TaskCompletionSource _next = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Task? _listening;
    private bool _lost;

    public Task NextChangeAsync()
    {
        lock (_gate)
        {
            _listening ??= Task.Run(() => ListenAsync(_stop.Token));
            return _next.Task;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        if (_listening is { } listening)
        {
            await listening;
        }

        _stop.Dispose();
    }

    private void Announce()
    {
        TaskCompletionSource current;
        lock (_gate)
        {
            current = _next;
            _next = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        current.TrySetResult();
    }

    private async Task ListenAsync(CancellationToken stopping)
    {
        while (!stopping.IsCancellationRequested)
        {
            try
            {
                await using var connection = new NpgsqlConnection(_connectionString);
                await connection.OpenAsync(stopping);
                connection.Notification += (_, _) => Announce();
                await using (var listen = new NpgsqlCommand($"LISTEN {Channel}", connection))
                {
                    await listen.ExecuteNonQueryAsync(stopping);
                }

                // Listening again: whatever changed while it was not is read by update time now.
                if (_lost)
                {
                    _lost = false;
                    LogReconnected(logger);
                }

                Announce();
                while (true)
                {
                    await connection.WaitAsync(stopping);
                }
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception) when (exception is NpgsqlException or IOException or TimeoutException or InvalidOperationException)
            {
                // One line when the connection goes (not one a second while the database stays away), no stack trace:
                // a database restart is expected, and readiness reports it.
                var reason = DatabaseFailures.Reason(exception);
                if (!_lost)
                {
                    _lost = true;
                    LogConnectionLost(logger, reason);
                }
                else
                {
                    LogStillLost(logger, reason);
                }

                Announce();
            }

            try
            {
                await Task.Delay(ReconnectDelay, stopping);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Run change notifications have no database connection ({Reason}); reconnecting (streams catch up by update time)")]
    private static partial void LogConnectionLost(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Run change notifications still have no database connection ({Reason})")]
    private static partial void LogStillLost(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Run change notifications are connected again")]
    private static partial void LogReconnected(ILogger logger);
}
