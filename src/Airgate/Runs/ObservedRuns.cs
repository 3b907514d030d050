using Airgate.Airflow.Models;
using Airgate.Core.Runs;

namespace Airgate.Runs;

/// <summary>Turns Airflow's DagRun into the store's mirror shape.</summary>
internal static class ObservedRuns
{
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
