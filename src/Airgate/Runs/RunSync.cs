using Airgate.Airflow;
using Airgate.Airflow.Models;
using Airgate.Core.Runs;
using Microsoft.Extensions.Options;

namespace Airgate.Runs;

/// <summary>
/// Brings the store's mirror of Airflow's runs up to date before a listing: reads every run Airflow changed since the
/// last sync (<c>updated_at_gte</c>, less an overlap for clock skew), oldest id first, and upserts them.
/// </summary>
internal sealed partial class RunSync(
    IAirflowClient airflow,
    IRunStore store,
    TimeProvider time,
    IOptions<RunsOptions> options,
    ILogger<RunSync> logger) : IDisposable
{
    // Airflow silently caps pages at [api] maximum_page_limit (100 by default); asking for more gains nothing.
    private const int PageSize = 100;

    // One sync at a time: concurrent listings would read the same changes twice and race on the watermark.
    private readonly SemaphoreSlim _gate = new(1, 1);

    /// <summary>Null when the mirror is current; otherwise Airflow's failure (the watermark is then left as it was).</summary>
    public async Task<AirflowFailure?> SyncAsync(string dagId, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var key = "dag_runs:" + dagId;
            // Taken before reading, so a change made while paging is read again next time rather than missed.
            var startedAt = time.GetUtcNow();
            var since = await store.GetSyncWatermarkAsync(key, cancellationToken) - options.Value.SyncOverlap;
            var offset = 0;
            var calls = 0;
            while (true)
            {
                var page = await airflow.ListDagRunsAsync(
                    dagId,
                    new DagRunQuery { Limit = PageSize, Offset = offset, OrderBy = "id", UpdatedAtGte = since },
                    cancellationToken);
                calls++;
                if (!page.IsSuccess)
                {
                    return page.Failure;
                }

                if (page.Value.Items.Count > 0)
                {
                    await store.UpsertObservedAsync([.. page.Value.Items.Select(ObservedRuns.From)], cancellationToken);
                }

                offset += page.Value.Items.Count;
                if (page.Value.Items.Count == 0 || offset >= page.Value.TotalEntries)
                {
                    break;
                }
            }

            await store.SetSyncWatermarkAsync(key, startedAt, cancellationToken);
            LogSynced(logger, dagId, offset, calls);
            return null;
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();

    [LoggerMessage(Level = LogLevel.Debug, Message = "Mirrored {Count} changed runs of {DagId} in {Calls} Airflow calls")]
    private static partial void LogSynced(ILogger logger, string dagId, int count, int calls);
}
