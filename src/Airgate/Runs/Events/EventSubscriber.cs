using System.Threading.Channels;

namespace Airgate.Runs.Events;

/// <summary>
/// One open stream's queue of frames. A client too slow to keep up is not buffered without bound: its queue is closed,
/// the stream ends, and the client's EventSource reconnects and gets a fresh snapshot.
/// </summary>
internal sealed class EventSubscriber
{
    // Enough for a burst of a few hundred task instances changing in one poll.
    private const int Capacity = 1024;

    private readonly Channel<string> _frames = Channel.CreateBounded<string>(new BoundedChannelOptions(Capacity)
    {
        SingleReader = true,
        FullMode = BoundedChannelFullMode.Wait,
    });

    public ChannelReader<string> Reader => _frames.Reader;

    /// <summary>True until the stream has had its first snapshot (a run stream joining before the first successful poll).</summary>
    public bool NeedsSnapshot { get; set; } = true;

    /// <summary>Log entries a follower has already been sent by its own catch-up read (see <c>TaskLogFollow</c>).</summary>
    public long SkipEntries { get; set; }

    public void Send(string frame)
    {
        if (!_frames.Writer.TryWrite(frame))
        {
            _frames.Writer.TryComplete();
        }
    }

    public void Complete() => _frames.Writer.TryComplete();
}
