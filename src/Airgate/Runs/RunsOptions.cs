namespace Airgate.Runs;

/// <summary>How runs are mirrored and settled (<c>Airgate:Runs</c>).</summary>
internal sealed record RunsOptions
{
    public const string SectionName = "Airgate:Runs";

    /// <summary>How often the reconciler looks for pending trigger records.</summary>
    public TimeSpan ReconcileInterval { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>False turns the background reconciler off (pending records are then settled only by retries and listings).</summary>
    public bool ReconcilerEnabled { get; init; } = true;

    /// <summary>A pending record younger than this is left alone: its trigger request may still be in flight.</summary>
    public TimeSpan PendingMinAge { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>A pending record whose run Airflow still does not have after this long is marked failed.</summary>
    public TimeSpan PendingGracePeriod { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>How far before the stored watermark a listing re-reads Airflow's changes, to absorb clock skew.</summary>
    public TimeSpan SyncOverlap { get; init; } = TimeSpan.FromMinutes(1);
}
