namespace Airgate.Airflow;

/// <summary>A failed Airflow call: what went wrong, never a secret.</summary>
/// <param name="Error">The kind of failure.</param>
/// <param name="StatusCode">Airflow's HTTP status, when it answered.</param>
/// <param name="Detail">Airflow's <c>detail</c> text or our own description; safe to show a client.</param>
/// <param name="RetryAfter">How long Airflow asked us to wait, when it said.</param>
/// <param name="AwsError">The AWS error type (e.g. <c>AccessDeniedException</c>) when Amazon MWAA, not Airflow, answered.</param>
public sealed record AirflowFailure(AirflowError Error, int? StatusCode, string Detail, TimeSpan? RetryAfter = null, string? AwsError = null);
