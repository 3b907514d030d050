using Airgate.Airflow.Models;
using Airgate.Core.Runs;

namespace Airgate.Runs;

/// <summary>Turns Airflow's DagRun into the store's mirror shape.</summary>
internal static class ObservedRuns
{
    /// <summary>
    /// <paramref name="observedAt"/>: when the read that returned the run began. Airflow's DagRun carries no
    /// updated_at, so this stamp is what lets a later observation win over an earlier one that is written last
    /// (the backfill and the sync race on the same runs).
    /// </summary>
    public static ObservedRun From(AirflowDagRun run, DateTimeOffset observedAt) => From(run) with { UpdatedAt = observedAt };

    public static ObservedRun From(AirflowDagRun run) => new()
    {
        DagId = run.DagId,
        DagRunId = run.DagRunId,
        State = run.State,
        RunType = run.RunType,
        LogicalDate = run.LogicalDate,
        RunAfter = run.RunAfter,
        QueuedAt = run.QueuedAt,
        StartDate = run.StartDate,
        EndDate = run.EndDate,
        Note = run.Note,
        TriggeringUserName = run.TriggeringUserName,
        Conf = run.Conf?.GetRawText(),
    };
}
