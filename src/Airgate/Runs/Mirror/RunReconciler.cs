using Microsoft.Extensions.Options;

namespace Airgate.Runs.Mirror;

/// <summary>
/// Settles trigger records left pending by a lost Airflow answer when no client retries: confirmed when Airflow has
/// the run, failed when it still does not after <see cref="RunsOptions.PendingGracePeriod"/>.
/// </summary>
internal sealed partial class RunReconciler(
    RunSettler settler,
    MirrorLeadership leadership,
    TimeProvider time,
    IOptions<RunsOptions> options,
    ILogger<RunReconciler> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.ReconcilerEnabled)
        {
            return;
        }

        using var timer = new PeriodicTimer(options.Value.ReconcileInterval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                if (!leadership.IsLeader)
                {
                    // One replica settles pending records; the others would only repeat its Airflow reads.
                    continue;
                }

                try
                {
                    var settled = await settler.ReconcileOnceAsync(stoppingToken);
                    if (settled > 0)
                    {
                        LogSettled(logger, settled);
                    }
                }
                catch (Exception exception) when (exception is not OperationCanceledException)
                {
                    // The next tick tries again; a database or Airflow hiccup must not stop the reconciler for good.
                    LogFailed(logger, exception);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Reconciler settled {Count} pending runs")]
    private static partial void LogSettled(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "Reconciler pass failed")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
