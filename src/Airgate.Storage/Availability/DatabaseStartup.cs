using Airgate.Storage.Migrations;
using Microsoft.Extensions.Hosting;

namespace Airgate.Storage.Availability;

/// <summary>
/// Migrates the schema when the host starts, before the server accepts requests. A database that cannot be reached
/// (or refuses writes) does not stop the process: it starts not ready, and the migration is tried again in the
/// background with capped exponential backoff (<see cref="FirstRetryDelay"/> doubling up to <see cref="MaxRetryDelay"/>,
/// on the injected clock) until it succeeds. A schema this Airgate must not touch (newer, edited) still stops a start.
/// </summary>
internal sealed class DatabaseStartup(DatabaseMigrator migrator, DatabaseAvailability availability, TimeProvider time) : IHostedService, IDisposable
{
    public static readonly TimeSpan FirstRetryDelay = TimeSpan.FromSeconds(1);
    public static readonly TimeSpan MaxRetryDelay = TimeSpan.FromSeconds(30);

    private readonly CancellationTokenSource _stopping = new();
    private int _disposed;
    private Task _retrying = Task.CompletedTask;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!await TryMigrateAsync(firstAttempt: true, cancellationToken))
        {
            _retrying = RetryAsync(_stopping.Token);
        }
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        // The host may stop this service after the container has disposed it (which cancelled the retries already).
        if (Volatile.Read(ref _disposed) == 0)
        {
            await _stopping.CancelAsync();
        }

        await _retrying.WaitAsync(cancellationToken);
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            _stopping.Cancel();
            _stopping.Dispose();
        }
    }

    private async Task RetryAsync(CancellationToken stopping)
    {
        var delay = FirstRetryDelay;
        try
        {
            while (true)
            {
                await Task.Delay(delay, time, stopping);
                if (await TryMigrateAsync(firstAttempt: false, stopping))
                {
                    return;
                }

                delay = delay * 2 < MaxRetryDelay ? delay * 2 : MaxRetryDelay;
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // Shutting down.
        }
    }

    private async Task<bool> TryMigrateAsync(bool firstAttempt, CancellationToken cancellationToken)
    {
        try
        {
            await migrator.MigrateAsync(cancellationToken);
            availability.ReportMigrated();
            return true;
        }
        catch (MigrationException e) when (!firstAttempt)
        {
            // At start this stops the process (an operator must choose); later the process is already serving reads.
            availability.ReportSchemaRefused(e.Message);
            return false;
        }
        catch (Exception e) when (e is not MigrationException && !cancellationToken.IsCancellationRequested
            && (DatabaseFailures.IsDatabaseFailure(e) || DatabaseFailures.IsConnectionFailure(e)))
        {
            availability.ReportFailure(e);
            return false;
        }
    }
}
