using Airgate.Core.Runs;
using Airgate.Storage.Availability;
using Microsoft.Extensions.Options;

namespace Airgate.Runs.Mirror;

/// <summary>
/// Keeps the mirror on the leading replica: takes or keeps the lead and syncs every
/// <see cref="RunsOptions.SyncInterval"/>, and runs the cold-start backfill as soon as it is due. A replica that is
/// not the leader only tries to take the lead, so a dead leader is replaced within one interval.
/// </summary>
internal sealed partial class RunMirrorWorker(
    MirrorLeadership leadership,
    RunSync sync,
    RunBackfill backfill,
    RunRetention retention,
    IRunStore store,
    DatabaseAvailability database,
    TimeProvider time,
    IOptions<RunsOptions> options,
    ILogger<RunMirrorWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            // A database unreachable at start is retried by its own loop (DatabaseStartup); the mirror needs its schema.
            await database.WhenMigrated.WaitAsync(stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            return;
        }

        await TryAsync(() => leadership.RefreshAsync(stoppingToken));
        var backfilling = BackfillLoopAsync(stoppingToken);
        using var timer = new PeriodicTimer(options.Value.SyncInterval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await TryAsync(async () =>
                {
                    if (await leadership.RefreshAsync(stoppingToken))
                    {
                        await sync.SyncAsync();
                        await retention.RunIfDueAsync(stoppingToken);
                        await store.CompactTotalsAsync(stoppingToken);
                    }

                    return true;
                });
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }

        await backfilling;
    }

    private async Task BackfillLoopAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                if (leadership.IsLeader)
                {
                    await TryAsync(() => backfill.RunAsync(() => leadership.IsLeader && !stoppingToken.IsCancellationRequested, stoppingToken));
                }

                // Woken when a sync finds the mirror empty, else retried (a failed page, a new leader) each interval.
                await backfill.Due.WaitAsync(options.Value.SyncInterval, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }

    private async Task TryAsync(Func<Task<bool>> action)
    {
        try
        {
            await action();
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // A database or Airflow hiccup must not stop the mirror for good; the next tick tries again.
            LogFailed(logger, exception);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Run mirror pass failed")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
