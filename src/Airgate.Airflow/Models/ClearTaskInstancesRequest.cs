namespace Airgate.Airflow.Models;

/// <summary>Which task instances of one run to clear (run again).</summary>
public sealed record ClearTaskInstancesRequest
{
    /// <summary>The run whose task instances are cleared.</summary>
    public required string DagRunId { get; init; }

    /// <summary>True: only failed and upstream_failed instances; false: every instance of the run.</summary>
    public bool OnlyFailed { get; init; } = true;

    /// <summary>True: only say which instances would be cleared (Airflow's own default); false: clear them.</summary>
    public bool DryRun { get; init; } = true;
}
