namespace Airgate.AirflowEmulator;

/// <summary>
/// Shapes the logs the emulator serves, for tests: extra lines to make a log large, and a hold that stops a streamed
/// (<c>application/x-ndjson</c>) log part-way until released, to prove a client passes it on before it ends. Thread-safe.
/// </summary>
public sealed class EmulatorLogs
{
    private readonly object _gate = new();
    private readonly Dictionary<(string DagId, string TaskId), int> _padding = [];
    private readonly Dictionary<(string DagId, string TaskId), (int AfterLines, TaskCompletionSource Release)> _holds = [];

    /// <summary>Every try of the task logs <paramref name="lines"/> more lines once it has started.</summary>
    public void Pad(string dagId, string taskId, int lines)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(lines);
        lock (_gate)
        {
            _padding[(dagId, taskId)] = lines;
        }
    }

    /// <summary>
    /// Streamed logs of the task stop after <paramref name="afterLines"/> lines (flushed) until the returned source is
    /// completed (or the request is aborted); then the rest follows.
    /// </summary>
    public TaskCompletionSource Hold(string dagId, string taskId, int afterLines)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(afterLines);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            _holds[(dagId, taskId)] = (afterLines, release);
        }

        return release;
    }

    internal int PaddingOf(string dagId, string taskId)
    {
        lock (_gate)
        {
            return _padding.GetValueOrDefault((dagId, taskId));
        }
    }

    internal (int AfterLines, TaskCompletionSource Release)? HoldOf(string dagId, string taskId)
    {
        lock (_gate)
        {
            return _holds.TryGetValue((dagId, taskId), out var hold) ? hold : null;
        }
    }
}
