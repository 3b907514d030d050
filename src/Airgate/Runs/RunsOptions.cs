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

    /// <summary>
    /// How far before the watermark (Airgate's clock when the last sync began) a sync re-reads Airflow's changes:
    /// at least the clock skew between Airgate and Airflow plus how long Airflow takes to commit a run's change.
    /// </summary>
    public TimeSpan SyncOverlap { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>The longest a listing waits for the mirror's sync before answering from the mirror as it is.</summary>
    public TimeSpan SyncTimeout { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// A listing starts (or waits for) a sync only when the last one began longer ago than this, so Airflow sees at most
    /// one listing read per interval however many listings come; zero syncs for every listing.
    /// </summary>
    public TimeSpan MinSyncInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// The longest run detail and task views wait for Airflow, retries included: past it run detail answers from the
    /// mirror (stale, with <c>synced_at</c>) and task views answer 504.
    /// </summary>
    public TimeSpan InteractiveReadBudget { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>How often the leader syncs the mirror on its own, so other replicas' listings stay fresh.</summary>
    public TimeSpan SyncInterval { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>The pause between two pages (100 runs) of the cold-start backfill: its bound on Airflow's load.</summary>
    public TimeSpan BackfillPageDelay { get; init; } = TimeSpan.FromMilliseconds(100);

    /// <summary>
    /// When set, mirrored runs Airgate did not trigger are deleted once they finished longer ago than this (Airgate's
    /// own trigger records are kept).
    /// </summary>
    public TimeSpan? RetainFor { get; init; }
}
