using System.Text.Json;
using Airgate.Airflow;
using Airgate.Core.Runs;
using Airgate.Runs.Mirror;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace Airgate.Runs.Events;

/// <summary>
/// Feeds every listing stream of this process from one loop, on every replica: it reads the runs written to the store
/// since it last looked (by update time, whichever replica wrote them) and sends each to the streams whose filters keep
/// it. It reads when woken by <see cref="IRunChangeSignal"/> (PostgreSQL's NOTIFY) and at least every poll interval,
/// so a lost notification delays an event, never loses it. On the leading replica it also joins (or starts) the
/// mirror's sync once per interval. The loop runs only while at least one listing stream is open.
/// </summary>
internal sealed partial class RunListingFeed(
    RunSync sync,
    MirrorLeadership leadership,
    IRunStore store,
    IRunChangeSignal signal,
    TimeProvider time,
    IOptions<EventsOptions> options,
    IOptions<RunsOptions> runsOptions,
    IOptions<JsonOptions> json,
    IHostApplicationLifetime lifetime,
    ILogger<RunListingFeed> logger)
{
    private const int PageSize = 500;

    private readonly Lock _gate = new();
    private readonly List<(EventSubscriber Subscriber, ListingFilter Filter)> _subscribers = [];
    // What each recently sent run looked like (its event's JSON): the store is read again from a little before the last
    // position (writers' clocks differ, commits land late), and a run read again unchanged must not be sent again.
    private readonly Dictionary<(string DagId, string DagRunId), (string Payload, DateTimeOffset UpdatedAt)> _sent = [];
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

            _stop.Cancel();
            _stop.Dispose();
            _stop = null;
        }
    }

    private async Task LoopAsync(CancellationToken cancellationToken)
    {
        var interval = options.Value.PollInterval;
        AirflowFailure? lastFailure = null;
        // Only what changes from now on is sent: the client read the listing before it opened the stream.
        var position = (Since: time.GetUtcNow(), AfterId: 0L);
        var nextSync = time.GetUtcNow();
        try
        {
            while (true)
            {
                // Taken before reading, so a change announced while reading wakes the next wait.
                var woken = signal.NextChangeAsync();
                try
                {
                    // Only the leader syncs (other replicas read the mirror it keeps, told by the signal); its sync is
                    // shared with listings, and woken ticks between two syncs only read the store.
                    if (leadership.IsLeader && time.GetUtcNow() >= nextSync)
                    {
                        nextSync = time.GetUtcNow() + interval;
                        var failure = await sync.SyncAsync().WaitAsync(cancellationToken);
                        if (failure is not null && failure.Error != lastFailure?.Error)
                        {
                            Broadcast(SseFrames.Event(Interlocked.Increment(ref _sequence), "error", SseFrames.Error(failure, "Airflow has no such runs."), json.Value.SerializerOptions));
                        }

                        lastFailure = failure;
                    }

                    position = await SendChangesAsync(position, cancellationToken);
                }
                catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
                {
                    // A database blip: the next read starts from the same position, never a 500.
                    LogFeedFailed(logger, exception);
                }

                Interlocked.Increment(ref _ticks);
                try
                {
                    await woken.WaitAsync(interval, time, cancellationToken);
                }
                catch (TimeoutException)
                {
                    // No announcement this interval: read anyway (a notification may have been lost with a connection).
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            lock (_gate)
            {
                _sent.Clear();
            }
        }
    }

    /// <summary>Sends every run written since a little before <paramref name="position"/>, in write order; returns the new position.</summary>
    private async Task<(DateTimeOffset Since, long AfterId)> SendChangesAsync((DateTimeOffset Since, long AfterId) position, CancellationToken cancellationToken)
    {
        // Read again from SyncOverlap before the last position: the writers are several replicas with their own clocks,
        // and a transaction stamped earlier may commit after a later one was read.
        var overlap = runsOptions.Value.SyncOverlap;
        var cursor = (Since: position.Since - overlap, AfterId: 0L);
        var last = position;
        while (true)
        {
            var page = await store.ListChangedSinceAsync(cursor.Since, cursor.AfterId, PageSize, cancellationToken);
            foreach (var record in page)
            {
                Send(record);
                if (record.UpdatedAt > last.Since || (record.UpdatedAt == last.Since && record.Id > last.AfterId))
                {
                    last = (record.UpdatedAt, record.Id);
                }
            }

            if (page.Count < PageSize)
            {
                break;
            }

            cursor = (page[^1].UpdatedAt, page[^1].Id);
        }

        lock (_gate)
        {
            var forget = last.Since - overlap - overlap;
            foreach (var stale in _sent.Where(s => s.Value.UpdatedAt < forget).Select(s => s.Key).ToList())
            {
                _sent.Remove(stale);
            }
        }

        return last;
    }

    private void Send(RunRecord record)
    {
        var payload = JsonSerializer.Serialize(new RunEventRun(RunResponse.From(record)), json.Value.SerializerOptions);
        lock (_gate)
        {
            var key = (record.DagId, record.DagRunId);
            var unchanged = _sent.TryGetValue(key, out var sent) && sent.Payload == payload;
            _sent[key] = (payload, record.UpdatedAt);
            if (unchanged)
            {
                return;
            }

            string? frame = null;
            foreach (var (subscriber, _) in _subscribers.Where(s => s.Filter.Matches(record)))
            {
                frame ??= SseFrames.Event(Interlocked.Increment(ref _sequence), "run", new RunEventRun(RunResponse.From(record)), json.Value.SerializerOptions);
                subscriber.Send(frame);
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

    [LoggerMessage(Level = LogLevel.Warning, Message = "Listing events tick failed; the next read starts from the same position")]
    private static partial void LogFeedFailed(ILogger logger, Exception exception);
}
