using Airgate.Airflow;
using Airgate.Core.Runs;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace Airgate.Runs.Events;

/// <summary>
/// The pollers of watched runs in this process, one per run: the first watcher starts it, the last one to leave stops
/// it, and a run that finishes ends it. However many clients watch a run, Airflow sees one poll per interval.
/// </summary>
internal sealed class RunWatchers(
    IAirflowClient airflow,
    TimeProvider time,
    IOptions<EventsOptions> options,
    IOptions<RunsOptions> runs,
    IOptions<JsonOptions> json,
    IHostApplicationLifetime lifetime,
    ILogger<RunWatch> logger)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<(string DagId, string DagRunId), RunWatch> _watches = [];
    private long _polls;

    /// <summary>Runs being polled now.</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _watches.Count;
            }
        }
    }

    /// <summary>Polls made since start, by every poller (tests and diagnostics).</summary>
    public long Polls => Interlocked.Read(ref _polls);

    public RunWatch Join(string dagId, string dagRunId, RunRecord? record, EventSubscriber subscriber)
    {
        lock (_gate)
        {
            if (_watches.TryGetValue((dagId, dagRunId), out var watch))
            {
                watch.Add(subscriber);
                return watch;
            }

            watch = new RunWatch(this, dagId, dagRunId, record, airflow, time, options.Value.PollInterval, runs.Value.InteractiveReadBudget, json.Value.SerializerOptions, logger, lifetime.ApplicationStopping);
            _watches[(dagId, dagRunId)] = watch;
            watch.Add(subscriber);
            watch.Start();
            return watch;
        }
    }

    public void Leave(RunWatch watch, EventSubscriber subscriber)
    {
        lock (_gate)
        {
            if (watch.Remove(subscriber) > 0)
            {
                return;
            }

            Forget(watch);
            watch.Stop();
        }
    }

    internal void Forget(RunWatch watch)
    {
        lock (_gate)
        {
            if (_watches.TryGetValue((watch.DagId, watch.DagRunId), out var current) && current == watch)
            {
                _watches.Remove((watch.DagId, watch.DagRunId));
            }
        }
    }

    internal void Polled() => Interlocked.Increment(ref _polls);
}
