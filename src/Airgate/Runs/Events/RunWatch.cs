using System.Text.Json;
using Airgate.Airflow;
using Airgate.Airflow.Models;
using Airgate.Core.Runs;

namespace Airgate.Runs.Events;

/// <summary>
/// The one poller of one run in this process, shared by every stream watching it: each interval it reads the run and
/// its task instances (concurrently), turns what changed into frames once, and hands them to every watcher. It ends
/// after the run finishes (an <c>end</c> frame) or when <see cref="RunWatchers"/> stops it as the last watcher leaves.
/// </summary>
internal sealed partial class RunWatch
{
    private static readonly HashSet<string> FinishedStates = new(StringComparer.Ordinal) { "success", "failed" };

    private readonly RunWatchers _owner;
    private readonly IAirflowClient _airflow;
    private readonly TimeProvider _time;
    private readonly TimeSpan _interval;
    private readonly TimeSpan _budget;
    private readonly JsonSerializerOptions _json;
    private readonly ILogger _logger;
    private readonly RunRecord? _record;
    private readonly CancellationTokenSource _stop;
    private readonly Lock _gate = new();
    private readonly List<EventSubscriber> _subscribers = [];
    private AirflowDagRun? _run;
    private IReadOnlyList<AirflowTaskInstance> _taskList = [];
    private Dictionary<(string TaskId, int MapIndex), AirflowTaskInstance> _tasks = [];
    private RunSummary _summary = RunSummary.From([]);
    private long _generation;
    private string? _snapshot;
    private string? _end;
    private RunEventError? _lastError;

    public RunWatch(RunWatchers owner, string dagId, string dagRunId, RunRecord? record, IAirflowClient airflow, TimeProvider time,
        TimeSpan interval, TimeSpan budget, JsonSerializerOptions json, ILogger logger, CancellationToken stopping)
    {
        (_owner, DagId, DagRunId, _record, _airflow, _time, _interval, _json, _logger) = (owner, dagId, dagRunId, record, airflow, time, interval, json, logger);
        _budget = budget;
        _stop = CancellationTokenSource.CreateLinkedTokenSource(stopping);
    }

    public string DagId { get; }

    public string DagRunId { get; }

    public void Start() => _ = Task.Run(LoopAsync);

    public void Stop()
    {
        try
        {
            _stop.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // The poller had already ended (the run finished).
        }
    }

    /// <summary>Adds a watcher: it gets the snapshot now when the run has been read, else after the first successful poll.</summary>
    public void Add(EventSubscriber subscriber)
    {
        lock (_gate)
        {
            _subscribers.Add(subscriber);
            if (_run is not null)
            {
                SendSnapshot(subscriber);
            }

            if (_end is not null)
            {
                subscriber.Send(_end);
                subscriber.Complete();
            }
        }
    }

    /// <summary>Removes a watcher; answers how many are left.</summary>
    public int Remove(EventSubscriber subscriber)
    {
        lock (_gate)
        {
            _subscribers.Remove(subscriber);
            return _subscribers.Count;
        }
    }

    private async Task LoopAsync()
    {
        var token = _stop.Token;
        try
        {
            while (true)
            {
                // The next poll is due one interval after this one began, whatever the poll took (and however late the
                // timer fires), so a watched run costs Airflow at most one poll per interval.
                var startedAt = _time.GetUtcNow();
                if (await PollAsync(token))
                {
                    break;
                }

                var wait = startedAt + _interval - _time.GetUtcNow();
                if (wait > TimeSpan.Zero)
                {
                    await Task.Delay(wait, _time, token);
                }
            }
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            // The last watcher left, or Airgate is stopping.
        }
        catch (Exception exception)
        {
            // Never a 500 mid-stream: the streams end and their clients reconnect to a new poller.
            LogPollerCrashed(_logger, exception);
            EndStreams(null);
        }
        finally
        {
            _owner.Forget(this);
            _stop.Dispose();
        }
    }

    /// <summary>One poll; true when the run has finished and the streams were ended.</summary>
    private async Task<bool> PollAsync(CancellationToken cancellationToken)
    {
        // A hanging Airflow costs a poll its budget, not the minute its retries would take: the streams hear an error
        // event then, and the next poll tries again.
        var (timedOut, answers) = await ReadBudget.RunAsync(
            async token =>
            {
                var runCall = _airflow.GetDagRunAsync(DagId, DagRunId, token);
                var tasksCall = _airflow.ListAllTaskInstancesAsync(DagId, DagRunId, null, token);
                await Task.WhenAll(runCall, tasksCall);
                return (Run: await runCall, Tasks: await tasksCall);
            },
            _budget, _time, cancellationToken);
        _owner.Polled();
        if (timedOut)
        {
            Failed(ReadBudget.Spent(_budget));
            return false;
        }

        var (run, tasks) = answers;
        if (!run.IsSuccess)
        {
            Failed(run.Failure);
            return false;
        }

        if (!tasks.IsSuccess)
        {
            Failed(tasks.Failure);
            return false;
        }

        lock (_gate)
        {
            _lastError = null;
            var previous = _run;
            var byKey = new Dictionary<(string TaskId, int MapIndex), AirflowTaskInstance>(tasks.Value.Count);
            foreach (var task in tasks.Value)
            {
                byKey[(task.TaskId, task.MapIndex)] = task;
            }

            var changedTasks = tasks.Value.Where(t => !_tasks.TryGetValue((t.TaskId, t.MapIndex), out var old) || old != t).ToList();
            var tasksChanged = changedTasks.Count > 0 || byKey.Count != _tasks.Count;
            if (tasksChanged || previous is null)
            {
                _summary = RunSummary.From(tasks.Value.Select(t => t.State));
            }

            (_run, _taskList, _tasks) = (run.Value, tasks.Value, byKey);
            List<string> frames = [];
            if (previous is not null)
            {
                var id = _generation + 1;
                if (RunChanged(previous, run.Value))
                {
                    frames.Add(SseFrames.Event(id, "run", new RunEventRun(Response()), _json));
                }

                frames.AddRange(changedTasks.Select(t => SseFrames.Event(id, "task_instance", new RunEventTaskInstance(t), _json)));
                if (tasksChanged)
                {
                    frames.Add(SseFrames.Event(id, "summary", _summary, _json));
                }
            }

            if (frames.Count > 0 || previous is null)
            {
                _generation++;
                _snapshot = null;
            }

            foreach (var subscriber in _subscribers)
            {
                if (subscriber.NeedsSnapshot)
                {
                    SendSnapshot(subscriber);
                    continue;
                }

                frames.ForEach(subscriber.Send);
            }
        }

        if (!FinishedStates.Contains(run.Value.State))
        {
            return false;
        }

        EndStreams(SseFrames.Event(_generation, "end", new RunEventEnd(run.Value.State), _json));
        return true;
    }

    private void Failed(AirflowFailure failure)
    {
        var error = SseFrames.Error(failure, $"Workflow '{DagId}' has no run '{DagRunId}'.");
        lock (_gate)
        {
            // Once per outage (and when its kind changes), not every interval: the stream says it keeps trying.
            if (error == _lastError)
            {
                return;
            }

            _lastError = error;
            var frame = SseFrames.Event(_generation, "error", error, _json);
            _subscribers.ForEach(s => s.Send(frame));
        }

        LogPollFailed(_logger, failure.Error);
    }

    private void EndStreams(string? endFrame)
    {
        lock (_gate)
        {
            _end = endFrame;
            foreach (var subscriber in _subscribers)
            {
                if (endFrame is not null)
                {
                    subscriber.Send(endFrame);
                }

                subscriber.Complete();
            }
        }
    }

    private void SendSnapshot(EventSubscriber subscriber)
    {
        _snapshot ??= SseFrames.Event(_generation, "snapshot", new RunEventSnapshot(Response(), _taskList, _summary), _json);
        subscriber.Send(_snapshot);
        subscriber.NeedsSnapshot = false;
    }

    private RunResponse Response() => RunResponse.From(_run ?? throw new InvalidOperationException("The run has not been read yet."), _record, _summary);

    private static bool RunChanged(AirflowDagRun before, AirflowDagRun after) =>
        (before.State, before.QueuedAt, before.StartDate, before.EndDate, before.Note, before.LogicalDate, before.RunAfter, before.DataIntervalStart, before.DataIntervalEnd)
        != (after.State, after.QueuedAt, after.StartDate, after.EndDate, after.Note, after.LogicalDate, after.RunAfter, after.DataIntervalStart, after.DataIntervalEnd);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Run events poll failed: Airflow answered {Error}; the streams stay open and the poller keeps trying")]
    private static partial void LogPollFailed(ILogger logger, AirflowError error);

    [LoggerMessage(Level = LogLevel.Error, Message = "Run events poller failed; its streams were ended")]
    private static partial void LogPollerCrashed(ILogger logger, Exception exception);
}
