using Airgate.Core.Runs;
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
                LogConnectionLost(logger, exception);
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

    [LoggerMessage(Level = LogLevel.Warning, Message = "Run change notifications lost their database connection; reconnecting (streams catch up by update time)")]
    private static partial void LogConnectionLost(ILogger logger, Exception exception);
}
