using Airgate.Airflow;
using Airgate.Airflow.Models;
using Airgate.Core.Runs;
using Airgate.Telemetry;
using Microsoft.Extensions.Options;

namespace Airgate.Runs.Mirror;

/// <summary>
/// Brings the store's mirror of Airflow's runs up to date: reads every run of every workflow that Airflow changed since
/// the one watermark (<c>updated_at_gte</c>, less <see cref="RunsOptions.SyncOverlap"/>), and upserts them. Concurrent
/// callers share the sync in flight, which no caller's cancellation stops (the next listing would only start it again).
/// </summary>
internal sealed partial class RunSync(
    IAirflowClient airflow,
    IRunStore store,
    RunBackfill backfill,
    TimeProvider time,
    IOptions<RunsOptions> options,
    IHostApplicationLifetime lifetime,
    AirgateMetrics metrics,
    ILogger<RunSync> logger)
{
    /// <summary>The one watermark: every workflow's changes are read together.</summary>
    public const string WatermarkKey = "dag_runs:~";

    // Airflow silently caps pages at [api] maximum_page_limit (100 by default); asking for more gains nothing.
    private const int PageSize = 100;

    private readonly Lock _gate = new();
    private Task<AirflowFailure?>? _inFlight;
    private DateTimeOffset _lastStartedAt;

    /// <summary>The sync in flight, or a new one; null failure when the mirror is current as of the sync's start.</summary>
    public Task<AirflowFailure?> SyncAsync() => SyncAsync(TimeSpan.Zero);

    /// <summary>
    /// As <see cref="SyncAsync()"/>, but when the last sync began less than <paramref name="minInterval"/> ago (and has
    /// ended) nothing new starts and its outcome is answered: listings then cost Airflow at most one read per interval.
    /// </summary>
    public Task<AirflowFailure?> SyncAsync(TimeSpan minInterval)
    {
        lock (_gate)
        {
            if (_inFlight is { IsCompleted: false } running)
            {
                return running;
            }

            if (_inFlight is { } last && minInterval > TimeSpan.Zero && time.GetUtcNow() - _lastStartedAt < minInterval)
            {
                return last;
            }

            _lastStartedAt = time.GetUtcNow();
            return _inFlight = Task.Run(() => RunOnceAsync(lifetime.ApplicationStopping));
        }
    }

    private async Task<AirflowFailure?> RunOnceAsync(CancellationToken cancellationToken)
    {
        try
        {
            // Taken before reading, so a change made while paging is read again next time rather than missed.
            var startedAt = time.GetUtcNow();
            var watermark = await store.GetSyncWatermarkAsync(WatermarkKey, cancellationToken);
            if (watermark is not { } last)
            {
                // Cold start: every run Airflow has now is the backfill's job (newest first, at a bounded rate), so the
                // first listing answers at once instead of waiting for every run Airflow ever had; changes from now on
                // are the next syncs' (a run the backfill read before it changed again is read again then).
                await backfill.BeginIfNeverRunAsync(cancellationToken);
                await store.SetSyncWatermarkAsync(WatermarkKey, startedAt, cancellationToken);
                metrics.MirrorSynced(startedAt);
                return null;
            }

            var since = last - options.Value.SyncOverlap;
            var offset = 0;
            var calls = 0;
            while (true)
            {
                var pageStartedAt = time.GetUtcNow();
                var page = await airflow.ListDagRunsAsync(
                    "~",
                    new DagRunQuery { Limit = PageSize, Offset = offset, OrderBy = "id", UpdatedAtGte = since },
                    cancellationToken);
                calls++;
                if (!page.IsSuccess)
                {
                    LogSyncFailed(logger, page.Failure.Error);
                    return page.Failure;
                }

                if (page.Value.Items.Count > 0)
                {
                    await store.UpsertObservedAsync([.. page.Value.Items.Select(r => ObservedRuns.From(r, pageStartedAt))], cancellationToken);
                }

                offset += page.Value.Items.Count;
                if (page.Value.Items.Count == 0 || offset >= page.Value.TotalEntries)
                {
                    break;
                }
            }

            await store.SetSyncWatermarkAsync(WatermarkKey, startedAt, cancellationToken);
            metrics.MirrorSynced(startedAt);
            LogSynced(logger, offset, calls);
            return null;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return new AirflowFailure(AirflowError.Unreachable, null, "Airgate is stopping.");
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // A database failure: the watermark stays where it was, so nothing is skipped; listings answer from the
            // mirror (or 503 if the database is down for them too).
            LogSyncCrashed(logger, exception);
            return new AirflowFailure(AirflowError.Unreachable, null, "The mirror could not be updated.");
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Mirrored {Count} changed runs in {Calls} Airflow calls")]
    private static partial void LogSynced(ILogger logger, int count, int calls);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Run mirror sync failed: Airflow answered {Error}; listings answer from the mirror")]
    private static partial void LogSyncFailed(ILogger logger, AirflowError error);

    [LoggerMessage(Level = LogLevel.Error, Message = "Run mirror sync failed")]
    private static partial void LogSyncCrashed(ILogger logger, Exception exception);
}
