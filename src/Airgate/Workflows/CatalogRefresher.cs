using Airgate.Core.Registry;
using Microsoft.Extensions.Options;

namespace Airgate.Workflows;

/// <summary>
/// Refreshes the <see cref="CatalogCache"/> every <see cref="CatalogOptions.RefreshInterval"/>, and at once when the
/// registry reloads (a new manifest may name DAGs whose answers should be read again).
/// </summary>
internal sealed partial class CatalogRefresher(
    CatalogCache cache,
    IPipelineRegistry registry,
    TimeProvider time,
    IOptions<CatalogOptions> options,
    ILogger<CatalogRefresher> logger) : BackgroundService
{
    private static readonly TimeSpan RegistryCheck = TimeSpan.FromSeconds(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var snapshot = registry.Current;
        var nextRefresh = time.GetUtcNow() + options.Value.RefreshInterval;
        using var timer = new PeriodicTimer(RegistryCheck < options.Value.RefreshInterval ? RegistryCheck : options.Value.RefreshInterval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                var reloaded = !ReferenceEquals(snapshot, registry.Current);
                if (!reloaded && time.GetUtcNow() < nextRefresh)
                {
                    continue;
                }

                snapshot = registry.Current;
                nextRefresh = time.GetUtcNow() + options.Value.RefreshInterval;
                try
                {
                    await cache.RefreshAsync(stoppingToken);
                }
                catch (Exception exception) when (exception is not OperationCanceledException)
                {
                    // The next pass tries again; reads keep being answered from the previous answers meanwhile.
                    LogFailed(logger, exception);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Catalog refresh failed")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
