namespace Airgate.Core.Runs;

/// <summary>A DagRun as read from Airflow's API, to be mirrored into the store.</summary>
public sealed record ObservedRun
{
    public required string DagId { get; init; }

    public required string DagRunId { get; init; }

    public string? State { get; init; }

    public string? RunType { get; init; }

    public DateTimeOffset? LogicalDate { get; init; }

    public DateTimeOffset? RunAfter { get; init; }

    public DateTimeOffset? QueuedAt { get; init; }

    public DateTimeOffset? StartDate { get; init; }

    public DateTimeOffset? EndDate { get; init; }

    public string? Note { get; init; }

    /// <summary>Airflow's <c>triggering_user_name</c> (Airflow 3.1+); becomes the owner of external runs only.</summary>
    public string? TriggeringUserName { get; init; }

    /// <summary>JSON text of the run's conf; kept for external runs only, never over Airgate's own record.</summary>
    public string? Conf { get; init; }

    /// <summary>Airflow's <c>updated_at</c>; an observation older than the stored one is ignored.</summary>
    public DateTimeOffset? UpdatedAt { get; init; }
}
