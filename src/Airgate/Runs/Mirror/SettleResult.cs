using Airgate.Airflow;
using Airgate.Airflow.Models;
using Airgate.Core.Runs;

namespace Airgate.Runs.Mirror;

/// <summary>
/// Where a trigger record stands after talking to Airflow: confirmed with Airflow's run, failed (the run does not
/// exist), or still pending because Airflow's answer was lost (<see cref="Failure"/> says how).
/// </summary>
internal sealed record SettleResult(RunRecord Record, AirflowDagRun? Run, AirflowFailure? Failure)
{
    public bool IsConfirmed => Record.RecordState == RunRecordState.Confirmed;
}
