namespace Airgate.AirflowEmulator.V1;

/// <summary>The shape an answer is turned into.</summary>
internal enum V1Answer
{
    AsIs,
    Dag,
    DagDetails,
    Dags,
    Task,
    Tasks,
    Run,
    Runs,
    TaskInstance,
    TaskInstances,
    Log,
    ClearedReferences,
}
