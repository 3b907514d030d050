using System.Threading.Channels;
using Airgate.Airflow.Models;

namespace Airgate.Runs.Events;

/// <summary>
/// The runs each mirror sync read from Airflow, handed to the listing streams: the streams ride on the sync the mirror
/// does anyway, rather than asking Airflow themselves. Nothing is kept while no listing stream is open.
/// </summary>
internal sealed class RunChanges
{
    private readonly Channel<IReadOnlyList<AirflowDagRun>> _batches = Channel.CreateUnbounded<IReadOnlyList<AirflowDagRun>>(
        new UnboundedChannelOptions { SingleReader = true });

    private volatile bool _listening;

    public ChannelReader<IReadOnlyList<AirflowDagRun>> Batches => _batches.Reader;

    public bool Listening
    {
        get => _listening;
        set => _listening = value;
    }

    /// <summary>Called by the sync after it mirrored a page of runs.</summary>
    public void Publish(IReadOnlyList<AirflowDagRun> runs)
    {
        if (_listening && runs.Count > 0)
        {
            _batches.Writer.TryWrite(runs);
        }
    }
}
