namespace Airgate.Core.Runs;

/// <summary>What Airgate records before it asks Airflow to trigger a run.</summary>
public sealed record NewRunRecord
{
    public required string DagId { get; init; }

    /// <summary>The run id Airgate will send to Airflow (generated so that retries converge on one run).</summary>
    public required string DagRunId { get; init; }

    /// <summary>The signed-in user; <see cref="RunOwner.Id"/> is required.</summary>
    public required RunOwner TriggeredBy { get; init; }

    public string? Pipelines { get; init; }

    public string? Conf { get; init; }

    public string? Note { get; init; }

    /// <summary>The client's <c>Idempotency-Key</c>; unique per user.</summary>
    public string? IdempotencyKey { get; init; }

    /// <summary>A hash of the request body, so a retry with another body can be told apart (422).</summary>
    public string? RequestFingerprint { get; init; }

    /// <summary>For a rerun: the <c>dag_run_id</c> of the run (same workflow) whose parameters it corrected.</summary>
    public string? RerunOf { get; init; }

    /// <summary>JSON object of profile id to the SHA-256 (hex) of the resolved schema the parameters were validated against.</summary>
    public string? SchemaHashes { get; init; }
}
