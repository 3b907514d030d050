namespace Airgate.Core.Runs;

/// <summary>How far Airgate knows a run to exist in Airflow.</summary>
public enum RunRecordState
{
    /// <summary>Recorded before the trigger request; Airflow may or may not have the run yet.</summary>
    Pending,

    /// <summary>Airflow answered the trigger, or the run was seen in Airflow.</summary>
    Confirmed,

    /// <summary>Airflow refused the trigger (or the reconciler gave up); the run does not exist in Airflow.</summary>
    Failed,
}
