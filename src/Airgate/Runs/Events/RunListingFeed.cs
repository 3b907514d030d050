using System.Text.Json;
using Airgate.Airflow;
using Airgate.Airflow.Models;
using Airgate.Core.Runs;
using Airgate.Runs.Mirror;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace Airgate.Runs.Events;

/// <summary>
/// Feeds every listing stream of this process from one loop: each interval it joins (or starts) the mirror's sync on the
/// leading replica, then sends each run the sync found changed to the streams whose filters keep it. One sync per
/// interval however many listing streams are open; the loop runs only while at least one is.
/// </summary>
internal sealed partial class RunListingFeed(
    RunSync sync,
    RunChanges changes,
    MirrorLeadership leadership,
    IRunStore store,
    TimeProvider time,
    IOptions<EventsOptions> options,
    IOptions<RunsOptions> runsOptions,
    IOptions<JsonOptions> json,
    IHostApplicationLifetime lifetime,
    ILogger<RunListingFeed> logger)
{
    private readonly Lock _gate = new();
    private readonly List<(EventSubscriber Subscriber, ListingFilter Filter)> _subscribers = [];
    // What each recently read run looked like: a sync re-reads the last SyncOverlap of changes, and an unchanged run
    // read again must not be sent again.
    private readonly Dictionary<(string DagId, string DagRunId), (RunFingerprint Fingerprint, DateTimeOffset SeenAt)> _seen = [];
    private CancellationTokenSource? _stop;
    private long _sequence;
    private long _ticks;

    /// <summary>Loop ticks since start (tests and diagnostics).</summary>
    public long Ticks => Interlocked.Read(ref _ticks);

    public void Join(EventSubscriber subscriber, ListingFilter filter)
    {
        // A listing stream has no snapshot: the client reads the listing first.
        subscriber.NeedsSnapshot = false;
        lock (_gate)
        {
            _subscribers.Add((subscriber, filter));
            if (_stop is null)
            {
                changes.Listening = true;
                _stop = CancellationTokenSource.CreateLinkedTokenSource(lifetime.ApplicationStopping);
                var token = _stop.Token;
                _ = Task.Run(() => LoopAsync(token));
            }
        }
    }

    public void Leave(EventSubscriber subscriber)
    {
        lock (_gate)
        {
            _subscribers.RemoveAll(s => s.Subscriber == subscriber);
            if (_subscribers.Count > 0 || _stop is null)
            {
                return;
            }

            changes.Listening = false;
            _stop.Cancel();
            _stop.Dispose();
            _stop = null;
        }
    }

    private async Task LoopAsync(CancellationToken cancellationToken)
    {
        var interval = options.Value.PollInterval;
        AirflowFailure? lastFailure = null;
        try
        {
            while (true)
            {
                var startedAt = time.GetUtcNow();
                try
                {
                    // Only the leader syncs (other replicas read the mirror it keeps); its sync is shared with listings.
                    var failure = leadership.IsLeader ? await sync.SyncAsync().WaitAsync(cancellationToken) : null;
                    if (failure is not null && failure.Error != lastFailure?.Error)
                    {
                        Broadcast(SseFrames.Event(Interlocked.Increment(ref _sequence), "error", SseFrames.Error(failure, "Airflow has no such runs."), json.Value.SerializerOptions));
                    }

                    lastFailure = failure;
                    await SendChangesAsync(startedAt, cancellationToken);
                }
                catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
                {
                    // A database blip: this tick's changes are read again by a later sync (the overlap), never a 500.
                    LogFeedFailed(logger, exception);
                }

                Interlocked.Increment(ref _ticks);
                var wait = startedAt + interval - time.GetUtcNow();
                if (wait > TimeSpan.Zero)
                {
                    await Task.Delay(wait, time, cancellationToken);
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            lock (_gate)
            {
                _seen.Clear();
            }

            while (changes.Batches.TryRead(out _))
            {
                // Dropped: nobody listens.
            }
        }
    }

    private async Task SendChangesAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var forget = now - runsOptions.Value.SyncOverlap - options.Value.PollInterval - runsOptions.Value.SyncInterval - runsOptions.Value.SyncInterval;
        List<AirflowDagRun> changed = [];
        while (changes.Batches.TryRead(out var batch))
        {
            lock (_gate)
            {
                foreach (var run in batch)
                {
                    var fingerprint = RunFingerprint.Of(run);
                    var key = (run.DagId, run.DagRunId);
                    if (!_seen.TryGetValue(key, out var seen) || seen.Fingerprint != fingerprint)
                    {
                        changed.Add(run);
                    }

                    _seen[key] = (fingerprint, now);
                }
            }
        }

        lock (_gate)
        {
            foreach (var stale in _seen.Where(s => s.Value.SeenAt < forget).Select(s => s.Key).ToList())
            {
                _seen.Remove(stale);
            }
        }

        foreach (var run in changed.DistinctBy(r => (r.DagId, r.DagRunId)))
        {
            // The store's record carries the owner the filters need; the sync wrote it before publishing.
            if (await store.GetAsync(run.DagId, run.DagRunId, cancellationToken) is not { } record)
            {
                continue;
            }

            string? frame = null;
            lock (_gate)
            {
                foreach (var (subscriber, filter) in _subscribers.Where(s => s.Filter.Matches(record)))
                {
                    frame ??= SseFrames.Event(Interlocked.Increment(ref _sequence), "run", new RunEventRun(RunResponse.From(record)), json.Value.SerializerOptions);
                    subscriber.Send(frame);
                }
            }
        }
    }

    private void Broadcast(string frame)
    {
        lock (_gate)
        {
            _subscribers.ForEach(s => s.Subscriber.Send(frame));
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Listing events tick failed; the next sync reads the changes again")]
    private static partial void LogFeedFailed(ILogger logger, Exception exception);
}
