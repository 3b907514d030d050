namespace Airgate.Runs.Logs;

/// <summary>Following task logs (<c>Airgate:Logs</c>).</summary>
internal sealed record LogsOptions
{
    public const string SectionName = "Airgate:Logs";

    /// <summary>How often a followed log asks Airflow for new lines (one log and one task instance call each time).</summary>
    public TimeSpan FollowInterval { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>The longest a followed log stays silent: a comment line then keeps proxies from closing it.</summary>
    public TimeSpan KeepAliveInterval { get; init; } = TimeSpan.FromSeconds(15);
}
