using Airgate.Airflow.Models;

namespace Airgate.Runs.Events;

/// <summary>The fields of a run a listing shows that Airflow changes: equal fingerprints, nothing to send.</summary>
internal readonly record struct RunFingerprint(string State, DateTimeOffset? QueuedAt, DateTimeOffset? StartDate, DateTimeOffset? EndDate, string? Note, DateTimeOffset? LogicalDate, DateTimeOffset RunAfter)
{
    public static RunFingerprint Of(AirflowDagRun run) => new(run.State, run.QueuedAt, run.StartDate, run.EndDate, run.Note, run.LogicalDate, run.RunAfter);
}
