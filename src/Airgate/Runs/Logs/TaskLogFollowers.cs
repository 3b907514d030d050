using Airgate.Airflow;
using Airgate.Airflow.Models;
using Airgate.Runs.Events;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace Airgate.Runs.Logs;

/// <summary>
/// The pollers of followed task logs in this process, one per task try (dag, run, task, map index, try; try 0 for
/// "the first try of a task that has not started"): the first follower starts it, the last one to leave stops it, and
/// the log's end ends it. However many clients follow one try, Airflow sees one poll per <c>FollowInterval</c>, as run
/// events do with <see cref="RunWatchers"/>.
/// </summary>
internal sealed class TaskLogFollowers(
    IAirflowClient airflow,
    TimeProvider time,
    IOptions<LogsOptions> options,
    IOptions<JsonOptions> json,
    IHostApplicationLifetime lifetime,
    ILogger<TaskLogFollow> logger)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<Key, TaskLogFollow> _follows = [];

    /// <summary>Tries being polled now.</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _follows.Count;
            }
        }
    }

    /// <summary>True when a poller of this try holds its whole log, so a new follower needs no read of its own.</summary>
    public bool HoldsTheWholeLog(TaskLogQuery start)
    {
        lock (_gate)
        {
            return _follows.TryGetValue(Key.Of(start), out var follow) && follow.HoldsTheWholeLog;
        }
    }

    /// <summary>
    /// Adds a follower of <paramref name="start"/>. Without a continuation token it shares the try's poller (started
    /// now, from <paramref name="first"/> when the follower read the first chunk); with one (a client's position in
    /// the log, opaque) it gets a poller of its own from there.
    /// </summary>
    public TaskLogFollow Join(TaskLogQuery start, AirflowTaskLog? first, EventSubscriber follower)
    {
        if (start.ContinuationToken is not null)
        {
            return StartOwn(start, first, follower);
        }

        lock (_gate)
        {
            var key = Key.Of(start);
            if (_follows.TryGetValue(key, out var follow))
            {
                if (follow.Add(follower, first))
                {
                    return follow;
                }

                // The shared poller no longer keeps the log's start and this follower's read does not reach what it
                // keeps: it follows on its own from what it read, rather than miss a part.
                return StartOwn(start, first, follower);
            }

            follow = New(this, start, first);
            _follows[key] = follow;
            follow.Add(follower);
            follow.Begin();
            return follow;
        }
    }

    public void Leave(TaskLogFollow follow, EventSubscriber follower)
    {
        lock (_gate)
        {
            if (follow.Remove(follower) > 0)
            {
                return;
            }

            Forget(follow);
            follow.Stop();
        }
    }

    internal void Forget(TaskLogFollow follow)
    {
        lock (_gate)
        {
            var key = Key.Of(follow.Start);
            if (_follows.TryGetValue(key, out var current) && current == follow)
            {
                _follows.Remove(key);
            }
        }
    }

    private TaskLogFollow StartOwn(TaskLogQuery start, AirflowTaskLog? first, EventSubscriber follower)
    {
        var follow = New(null, start, first);
        follow.Add(follower);
        follow.Begin();
        return follow;
    }

    private TaskLogFollow New(TaskLogFollowers? owner, TaskLogQuery start, AirflowTaskLog? first) =>
        new(owner, start, first, airflow, time, options.Value.FollowInterval, json.Value.SerializerOptions, logger, lifetime.ApplicationStopping);

    private readonly record struct Key(string DagId, string DagRunId, string TaskId, int MapIndex, int TryNumber)
    {
        public static Key Of(TaskLogQuery query) => new(query.DagId, query.DagRunId, query.TaskId, query.MapIndex, query.TryNumber);
    }
}
