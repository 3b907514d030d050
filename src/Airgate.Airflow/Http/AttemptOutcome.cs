namespace Airgate.Airflow.Http;

/// <summary>What one attempt produced: Airflow's status and body, and the failure they stand for (if any).</summary>
internal sealed record AttemptOutcome(int? Status, byte[]? Body, AirflowFailure? Failure)
{
    /// <summary>True for failures worth repeating a GET for: no connection, no answer in time, or a gateway in front of Airflow failing.</summary>
    public bool IsTransient => Failure is { Error: AirflowError.Unreachable or AirflowError.Timeout }
        || Status is 502 or 503 or 504;
}
