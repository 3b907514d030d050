namespace Airgate.Core.Runs;

/// <summary>
/// One DAG run as Airgate knows it: its own trigger record (owner, pipelines, parameters, idempotency key)
/// and the fields mirrored from Airflow's DagRun. Timestamps are UTC with microsecond precision.
/// Why it is not the same type as <see cref="ObservedRun"/> or the API's <c>RunResponse</c>: see <see cref="ObservedRun"/>.
/// </summary>
public sealed record RunRecord
{
    public required long Id { get; init; }

    public required string DagId { get; init; }

    public required string DagRunId { get; init; }

    public required RunSource Source { get; init; }

    public RunOwner? TriggeredBy { get; init; }

    /// <summary>JSON text of the pipelines and parameters the run was started with (Airgate runs only).</summary>
    public string? Pipelines { get; init; }

    /// <summary>JSON text of the conf sent to Airflow (or, for external runs, as Airflow reported it).</summary>
    public string? Conf { get; init; }

    /// <summary>The note given when triggering through Airgate.</summary>
    public string? Note { get; init; }

    public string? IdempotencyKey { get; init; }

    public string? RequestFingerprint { get; init; }

    public required RunRecordState RecordState { get; init; }

    public string? FailureReason { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public required DateTimeOffset UpdatedAt { get; init; }

    /// <summary>Airflow's run state (<c>queued</c>, <c>running</c>, <c>success</c>, <c>failed</c>); null until seen in Airflow.</summary>
    public string? State { get; init; }

    public string? RunType { get; init; }

    public DateTimeOffset? LogicalDate { get; init; }

    public DateTimeOffset? RunAfter { get; init; }

    public DateTimeOffset? QueuedAt { get; init; }

    public DateTimeOffset? StartDate { get; init; }

    public DateTimeOffset? EndDate { get; init; }

    /// <summary>The run's note as Airflow has it now (it may have been edited in Airflow).</summary>
    public string? AirflowNote { get; init; }

    /// <summary>Airflow's <c>updated_at</c> of the mirrored state, when the server reports it.</summary>
    public DateTimeOffset? AirflowUpdatedAt { get; init; }

    public DateTimeOffset? LastSyncedAt { get; init; }

    /// <summary>For a rerun: the <c>dag_run_id</c> of the run (same workflow) whose parameters it corrected.</summary>
    public string? RerunOf { get; init; }

    /// <summary>JSON object of profile id to the SHA-256 (hex) of the resolved schema the run was validated against; null before pinning.</summary>
    public string? SchemaHashes { get; init; }
}
