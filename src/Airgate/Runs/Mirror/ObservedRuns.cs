using Airgate.Airflow.Models;
using Airgate.Core.Runs;

namespace Airgate.Runs.Mirror;

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

    /// <summary>
    /// True when Airflow's answer would change the mirrored record (or confirm a record not yet confirmed). Times are
    /// compared to the microsecond, the stores' precision, so a stored run does not look changed on every read.
    /// </summary>
    public static bool Differs(RunRecord record, AirflowDagRun run) =>
        record.RecordState != RunRecordState.Confirmed
        || !string.Equals(record.State, run.State, StringComparison.Ordinal)
        || !string.Equals(record.RunType, run.RunType, StringComparison.Ordinal)
        || !string.Equals(record.AirflowNote, run.Note, StringComparison.Ordinal)
        || !SameMicrosecond(record.LogicalDate, run.LogicalDate)
        || !SameMicrosecond(record.RunAfter, run.RunAfter)
        || !SameMicrosecond(record.QueuedAt, run.QueuedAt)
        || !SameMicrosecond(record.StartDate, run.StartDate)
        || !SameMicrosecond(record.EndDate, run.EndDate);

    private static bool SameMicrosecond(DateTimeOffset? stored, DateTimeOffset? read) =>
        stored is null ? read is null : read is not null && stored.Value.UtcTicks / 10 == read.Value.UtcTicks / 10;
}
