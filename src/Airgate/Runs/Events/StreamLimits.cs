using Airgate.Telemetry;
using Microsoft.Extensions.Options;

namespace Airgate.Runs.Events;

/// <summary>Bounds open streams per user and per process, so a client or a crowd cannot hold every connection.</summary>
internal sealed class StreamLimits(IOptions<EventsOptions> options, AirgateMetrics metrics)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, int> _byUser = new(StringComparer.Ordinal);
    private int _total;

    public int Open
    {
        get
        {
            lock (_gate)
            {
                return _total;
            }
        }
    }

    /// <summary>A lease to dispose when the stream closes, or why none is left.</summary>
    public (Lease? Lease, StreamRefusal Refusal) TryOpen(string userId, string kind)
    {
        lock (_gate)
        {
            if (_total >= options.Value.MaxStreams)
            {
                return (null, StreamRefusal.ProcessFull);
            }

            var mine = _byUser.GetValueOrDefault(userId);
            if (mine >= options.Value.MaxStreamsPerUser)
            {
                return (null, StreamRefusal.UserFull);
            }

            _byUser[userId] = mine + 1;
            _total++;
        }

        metrics.StreamOpened(kind, 1);
        return (new Lease(this, userId, kind), StreamRefusal.None);
    }

    private void Close(string userId, string kind)
    {
        lock (_gate)
        {
            _total--;
            if (_byUser.GetValueOrDefault(userId) <= 1)
            {
                _byUser.Remove(userId);
            }
            else
            {
                _byUser[userId]--;
            }
        }

        metrics.StreamOpened(kind, -1);
    }

    internal sealed class Lease(StreamLimits owner, string userId, string kind) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                owner.Close(userId, kind);
            }
        }
    }
}
