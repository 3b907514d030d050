namespace Airgate.Airflow.Http;

/// <summary>What a call produced: Airflow's status and body, and the failure they stand for (if any).</summary>
internal sealed record AttemptOutcome(int? Status, byte[]? Body, AirflowFailure? Failure);
