namespace Airgate.Airflow.Models;

/// <summary>Airflow's <c>DAGRunPatchBody</c>.</summary>
public sealed record DagRunPatch
{
    /// <summary><c>queued</c>, <c>success</c> or <c>failed</c>.</summary>
    public string? State { get; init; }

    /// <summary>The note, at most 1000 characters.</summary>
    public string? Note { get; init; }
}
