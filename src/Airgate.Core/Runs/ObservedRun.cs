namespace Airgate.Core.Runs;

/// <summary>A DagRun as read from Airflow's API, to be mirrored into the store.</summary>
/// <remarks>
/// Three records carry a run's Airflow fields (state, run type, dates, note), each on one side of a layer boundary, and
/// they are kept apart on purpose rather than merged:
/// <list type="bullet">
/// <item><see cref="ObservedRun"/> (this) is what the mirror writes: Airflow's answer without Airflow's client types
/// (Core does not reference <c>Airgate.Airflow</c>), with the raw <c>triggering_user_name</c> and conf an external run
/// needs and the <see cref="UpdatedAt"/> stamp that orders observations; it has no identity or trigger fields, so a
/// sync cannot overwrite who started a run or with what.</item>
/// <item><see cref="RunRecord"/> is the stored row: Airgate's own trigger record (owner, pipelines, idempotency key,
/// record state, schema pins) beside the mirrored fields, with Airflow's note apart from the trigger's note.</item>
/// <item><c>RunResponse</c> (in <c>Airgate</c>) is the API contract: snake_case JSON, documented in OpenAPI, built
/// from a stored record (listings) or from Airflow's fresh answer joined with the record (detail), with fields
/// neither of the others has (data interval, summary, stale).</item>
/// </list>
/// A change to one (a column, an API field) therefore never changes the others' contract by accident; the copies
/// between them are <c>ObservedRuns.From</c>, the stores' row mapping and <c>RunResponse.From</c>.
/// </remarks>
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
