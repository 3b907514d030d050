using System.Text.Json;
using Airgate.Airflow;
using Airgate.Airflow.Models;
using Airgate.Core.Runs;
using Microsoft.Extensions.Options;

namespace Airgate.Runs.Mirror;

/// <summary>
/// Fills an empty mirror with the runs Airflow already had, newest first (what users look at), one page at a time with
/// <see cref="RunsOptions.BackfillPageDelay"/> between pages, so a cold start never stalls listings or floods Airflow.
/// Offset paging newest first is safe while runs are added: a new run shifts pages down, so a run may be read twice,
/// never skipped. Progress lives in the store, so every replica can report it.
/// </summary>
internal sealed partial class RunBackfill(
    IAirflowClient airflow,
    IRunStore store,
    TimeProvider time,
    IOptions<RunsOptions> options,
    ILogger<RunBackfill> logger)
{
    public const string StateKey = "backfill";

    private const int PageSize = 100;
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    public async Task<BackfillProgress?> GetProgressAsync(CancellationToken cancellationToken) =>
        await store.GetMirrorStateAsync(StateKey, cancellationToken) is { } text ? JsonSerializer.Deserialize<BackfillProgress>(text, Json) : null;

    /// <summary>Released when a backfill becomes due, so the worker starts it at once rather than at its next tick.</summary>
    public SemaphoreSlim Due { get; } = new(0);

    /// <summary>Marks a backfill as due when none ever ran (the mirror's first sync).</summary>
    public async Task BeginIfNeverRunAsync(CancellationToken cancellationToken)
    {
        if (await store.GetMirrorStateAsync(StateKey, cancellationToken) is null)
        {
            await SaveAsync(new BackfillProgress(false, 0, null), cancellationToken);
            Due.Release();
        }
    }

    /// <summary>Marks a backfill as due whatever happened before (tests, and an operator's full re-read).</summary>
    public Task RestartAsync(CancellationToken cancellationToken) => SaveAsync(new BackfillProgress(false, 0, null), cancellationToken);

    /// <summary>
    /// Runs a due backfill to its end while <paramref name="stillLeading"/> holds; true when complete (or none due),
    /// false when Airflow failed or leadership was lost (the next call starts again from the newest run).
    /// </summary>
    public async Task<bool> RunAsync(Func<bool> stillLeading, CancellationToken cancellationToken)
    {
        if (await GetProgressAsync(cancellationToken) is not { Complete: false })
        {
            return true;
        }

        var offset = 0L;
        while (stillLeading())
        {
            var observedAt = time.GetUtcNow();
            var page = await airflow.ListDagRunsAsync(
                "~", new DagRunQuery { Limit = PageSize, Offset = (int)offset, OrderBy = "-id" }, cancellationToken);
            if (!page.IsSuccess)
            {
                LogPageFailed(logger, offset, page.Failure.Error);
                return false;
            }

            if (page.Value.Items.Count > 0)
            {
                // Stamped with when the read began: a sync that read a run later wins even if this page is written last.
                await store.UpsertObservedAsync([.. page.Value.Items.Select(r => ObservedRuns.From(r, observedAt))], cancellationToken);
            }

            offset += page.Value.Items.Count;
            var complete = page.Value.Items.Count == 0 || offset >= page.Value.TotalEntries;
            await SaveAsync(new BackfillProgress(complete, offset, page.Value.TotalEntries), cancellationToken);
            if (complete)
            {
                LogComplete(logger, offset);
                return true;
            }

            if (options.Value.BackfillPageDelay > TimeSpan.Zero)
            {
                await Task.Delay(options.Value.BackfillPageDelay, time, cancellationToken);
            }
        }

        return false;
    }

    private Task SaveAsync(BackfillProgress progress, CancellationToken cancellationToken) =>
        store.SetMirrorStateAsync(StateKey, JsonSerializer.Serialize(progress, Json), cancellationToken);

    [LoggerMessage(Level = LogLevel.Information, Message = "Run mirror backfill complete: {Count} runs read")]
    private static partial void LogComplete(ILogger logger, long count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Run mirror backfill paused at {Offset}: Airflow answered {Error}")]
    private static partial void LogPageFailed(ILogger logger, long offset, AirflowError error);
}
