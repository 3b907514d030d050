namespace Airgate.Problems;

/// <summary>The stable <c>type</c> URIs of every problem Airgate answers; clients may switch on them.</summary>
internal static class ProblemTypes
{
    private const string Base = "https://airgate.dev/problems/";

    public const string BadRequest = Base + "bad-request";
    public const string InvalidParameters = Base + "invalid-parameters";
    public const string NotFound = Base + "not-found";
    public const string MethodNotAllowed = Base + "method-not-allowed";
    public const string Unauthenticated = Base + "unauthenticated";
    public const string Forbidden = Base + "forbidden";
    public const string Conflict = Base + "conflict";
    public const string IdempotencyKeyReused = Base + "idempotency-key-reused";
    public const string PayloadTooLarge = Base + "payload-too-large";
    public const string UnsupportedMediaType = Base + "unsupported-media-type";
    public const string AirflowUnavailable = Base + "airflow-unavailable";
    public const string AirflowTimeout = Base + "airflow-timeout";
    public const string AirflowRejected = Base + "airflow-rejected";
    public const string AirflowBadGateway = Base + "airflow-bad-gateway";
    public const string MwaaRefused = Base + "mwaa-refused";
    public const string DatabaseUnavailable = Base + "database-unavailable";
    public const string DatabaseReadOnly = Base + "database-read-only";
    public const string TooManyStreams = Base + "too-many-streams";
    public const string StreamsExhausted = Base + "streams-exhausted";
    public const string AuthUnavailable = Base + "auth-unavailable";
    public const string Internal = Base + "internal";
    public const string RequestTimeout = Base + "request-timeout";
    public const string RerunUnavailable = Base + "rerun-unavailable";
    public const string RunNotFinished = Base + "run-not-finished";
    public const string ValidationTimeout = Base + "validation-timeout";
}
