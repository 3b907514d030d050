namespace Airgate.Runs.Events;

/// <summary>Live run events over Server-Sent Events (<c>Airgate:Events</c>).</summary>
internal sealed record EventsOptions
{
    public const string SectionName = "Airgate:Events";

    /// <summary>How often the one poller of a watched run (and the listing streams' shared sync) asks Airflow.</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>How often an idle stream sends a comment, so proxies do not close it.</summary>
    public TimeSpan KeepAliveInterval { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>Open streams one user may hold in this process; past it a new stream is refused with 429.</summary>
    public int MaxStreamsPerUser { get; init; } = 20;

    /// <summary>Open streams this process holds; past it a new stream is refused with 503.</summary>
    public int MaxStreams { get; init; } = 1000;
}
