using System.Text;
using System.Text.Json;
using Airgate.Airflow;
using Airgate.Airflow.Models;
using Airgate.Problems;
using Airgate.Runs.Events;

namespace Airgate.Runs.Logs;

/// <summary>
/// The one poller of one followed task try in this process, shared by every stream following it (see
/// <see cref="TaskLogFollowers"/>). Each <c>FollowInterval</c> it reads the task instance's state, then the log from
/// its last token; new entries become one <c>log</c> frame, serialised once and handed to every follower. It keeps the
/// frames it has sent (at most <see cref="MaxBufferedChars"/>), so a follower who joins late is first given the log from
/// its start. It ends with an <c>end</c> frame when the log has ended, or when the last follower leaves.
/// </summary>
internal sealed partial class TaskLogFollow
{
    /// <summary>
    /// Bounds the frames kept for late joiners (characters of SSE text, about twice as many bytes): a long log keeps its
    /// most recent part, and a follower joining after its start was dropped catches up with one read of its own.
    /// </summary>
    internal const int MaxBufferedChars = 1 << 20;

    private const string WaitingComment = ": waiting for the task instance to start\n\n";

    private readonly TaskLogFollowers? _owner;
    private readonly IAirflowClient _airflow;
    private readonly TimeProvider _time;
    private readonly TimeSpan _interval;
    private readonly JsonSerializerOptions _json;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _stop;
    private readonly Lock _gate = new();
    private readonly List<EventSubscriber> _followers = [];
    private readonly LinkedList<Sent> _sent = new();
    private TaskLogQuery _query;
    private AirflowTaskLog? _pending;
    private bool _waiting;
    private long _position;
    private long _bufferedChars;
    private string? _end;

    // owner: the registry that shares this poller, null for a follower's own (a client's token, or no room to catch up);
    // query: the try to follow (TryNumber 0: the task has not started, its first try is followed once it has);
    // first: a chunk already read from the query's position, sent as the first frame.
    public TaskLogFollow(TaskLogFollowers? owner, TaskLogQuery query, AirflowTaskLog? first, IAirflowClient airflow, TimeProvider time,
        TimeSpan interval, JsonSerializerOptions json, ILogger logger, CancellationToken stopping)
    {
        Start = query;
        (_owner, _query, _pending, _airflow, _time, _interval, _json, _logger) = (owner, query, first, airflow, time, interval, json, logger);
        _waiting = query.TryNumber == 0;
        _stop = CancellationTokenSource.CreateLinkedTokenSource(stopping);
    }

    /// <summary>Where it started: its key among the shared pollers.</summary>
    public TaskLogQuery Start { get; }

    /// <summary>True while every entry from the log's start is still kept, so a new follower needs no read of its own.</summary>
    public bool HoldsTheWholeLog
    {
        get
        {
            lock (_gate)
            {
                return (_sent.First?.Value.Start ?? _position) == 0;
            }
        }
    }

    public void Begin() => _ = Task.Run(LoopAsync);

    public void Stop()
    {
        try
        {
            _stop.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // The poller had already ended (the log ended).
        }
    }

    /// <summary>
    /// Adds a follower and gives it the log so far. With <paramref name="ownRead"/> (a chunk the follower read from the
    /// log's start itself) a follower whose beginning is no longer kept is given that chunk and the kept frames after it;
    /// answers false when even that leaves a gap (the follower then needs a poller of its own).
    /// </summary>
    public bool Add(EventSubscriber follower, AirflowTaskLog? ownRead = null)
    {
        lock (_gate)
        {
            var keptFrom = _sent.First?.Value.Start ?? _position;
            if (keptFrom > 0)
            {
                if (ownRead is null || ownRead.Content.Count < keptFrom)
                {
                    return false;
                }

                // The follower's own read covers the dropped start; the kept frames give the rest, entry-exact (Airflow's
                // log only grows, and its position is a count of entries, as the emulator's and Airflow's tokens are).
                var covered = (long)ownRead.Content.Count;
                follower.Send(LogFrame(ownRead.Content));
                foreach (var sent in _sent.Where(s => s.Start + s.Entries.Count > covered))
                {
                    follower.Send(sent.Start >= covered ? sent.Frame : LogFrame(sent.Entries.Skip((int)(covered - sent.Start)).ToList()));
                }

                follower.SkipEntries = Math.Max(0, covered - _position);
            }
            else
            {
                if (_waiting)
                {
                    follower.Send(WaitingComment);
                }

                foreach (var sent in _sent)
                {
                    follower.Send(sent.Frame);
                }
            }

            _followers.Add(follower);
            if (_end is not null)
            {
                follower.Send(_end);
                follower.Complete();
            }

            return true;
        }
    }

    /// <summary>Removes a follower; answers how many are left.</summary>
    public int Remove(EventSubscriber follower)
    {
        lock (_gate)
        {
            _followers.Remove(follower);
            return _followers.Count;
        }
    }

    private async Task LoopAsync()
    {
        var token = _stop.Token;
        try
        {
            while (true)
            {
                var startedAt = _time.GetUtcNow();
                if (await PollAsync(token))
                {
                    break;
                }

                // The next poll is due one interval after this one began, so a followed try costs Airflow at most one
                // poll per interval however many follow it and however slow Airflow is.
                var wait = startedAt + _interval - _time.GetUtcNow();
                if (wait > TimeSpan.Zero)
                {
                    await Task.Delay(wait, _time, token);
                }
            }
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            // The last follower left, or Airgate is stopping.
        }
        catch (Exception exception)
        {
            // Never a 500 mid-stream: the streams end and their clients may follow again.
            LogPollerCrashed(_logger, exception);
            Publish(null, end: true);
        }
        finally
        {
            _owner?.Forget(this);
            _stop.Dispose();
        }
    }

    /// <summary>One poll; true when the log has ended and the streams were ended.</summary>
    private async Task<bool> PollAsync(CancellationToken cancellationToken)
    {
        if (_waiting)
        {
            // Airflow failures are not events while waiting: the stream simply keeps waiting.
            var instances = await _airflow.ListAllTaskInstancesAsync(_query.DagId, _query.DagRunId, _query.TaskId, cancellationToken);
            if (!instances.IsSuccess || instances.Value.FirstOrDefault(t => t.MapIndex == _query.MapIndex) is not { TryNumber: > 0 } started)
            {
                return false;
            }

            lock (_gate)
            {
                _query = _query with { TryNumber = started.TryNumber };
                _waiting = false;
            }
        }

        // The state first: a log read after it can only hold more, never miss the last lines.
        var state = await StateAsync(cancellationToken);
        var chunk = _pending is { } pending ? pending : await _airflow.GetTaskLogAsync(_query, cancellationToken);
        _pending = null;
        if (!chunk.IsSuccess)
        {
            // Each failed poll says so (the stream keeps trying), as a follow always has.
            Publish(Frame("error", ErrorOf(chunk.Failure)), end: false);
            return false;
        }

        var content = chunk.Value.Content;
        // No token: Airflow says the log has ended. A finished instance whose log gave nothing new has ended too.
        var ended = chunk.Value.ContinuationToken is null || (state is { Finished: true } && content.Count == 0);
        lock (_gate)
        {
            if (content.Count > 0)
            {
                var frame = LogFrame(content);
                Keep(new Sent(_position, content, frame));
                foreach (var follower in _followers)
                {
                    SendSkipping(follower, content, frame);
                }

                _position += content.Count;
            }

            if (!ended)
            {
                _query = _query with { ContinuationToken = chunk.Value.ContinuationToken };
            }
        }

        if (ended)
        {
            Publish(Frame("end", new TaskLogEnd(state?.State)), end: true);
        }

        return ended;
    }

    // A follower that caught up by its own read has already sent the first entries of this chunk.
    private void SendSkipping(EventSubscriber follower, IReadOnlyList<JsonElement> content, string frame)
    {
        if (follower.SkipEntries <= 0)
        {
            follower.Send(frame);
            return;
        }

        var skip = (int)Math.Min(follower.SkipEntries, content.Count);
        follower.SkipEntries -= skip;
        if (skip < content.Count)
        {
            follower.Send(LogFrame(content.Skip(skip).ToList()));
        }
    }

    private void Keep(Sent sent)
    {
        _sent.AddLast(sent);
        _bufferedChars += sent.Frame.Length;
        while (_bufferedChars > MaxBufferedChars && _sent.First is { } oldest && oldest != _sent.Last)
        {
            _bufferedChars -= oldest.Value.Frame.Length;
            _sent.RemoveFirst();
        }
    }

    private void Publish(string? frame, bool end)
    {
        lock (_gate)
        {
            if (end)
            {
                _end = frame ?? string.Empty;
            }

            foreach (var follower in _followers)
            {
                if (frame is not null)
                {
                    follower.Send(frame);
                }

                if (end)
                {
                    follower.Complete();
                }
            }
        }
    }

    private async Task<(string? State, bool Finished)?> StateAsync(CancellationToken cancellationToken)
    {
        var instances = await _airflow.ListAllTaskInstancesAsync(_query.DagId, _query.DagRunId, _query.TaskId, cancellationToken);
        if (!instances.IsSuccess || instances.Value.FirstOrDefault(t => t.MapIndex == _query.MapIndex) is not { } instance)
        {
            return null;
        }

        // An earlier try than the latest has ended whatever the instance does now.
        var finished = instance.TryNumber > _query.TryNumber || RunLogs.IsFinished(instance.State);
        return (instance.State, finished);
    }

    private static object ErrorOf(AirflowFailure failure)
    {
        var problem = failure.ToProblem("The task's log is not there (any more).").ProblemDetails;
        return new { type = problem.Type, title = problem.Title, status = problem.Status, detail = problem.Detail };
    }

    private string LogFrame(IReadOnlyList<JsonElement> content) => Frame("log", new TaskLogEventData(content));

    private string Frame(string name, object data) =>
        new StringBuilder().Append("event: ").Append(name).Append("\ndata: ").Append(JsonSerializer.Serialize(data, data.GetType(), _json)).Append("\n\n").ToString();

    private sealed record Sent(long Start, IReadOnlyList<JsonElement> Entries, string Frame);

    [LoggerMessage(Level = LogLevel.Error, Message = "Log follow poller failed; its streams were ended")]
    private static partial void LogPollerCrashed(ILogger logger, Exception exception);
}
