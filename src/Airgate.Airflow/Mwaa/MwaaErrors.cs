namespace Airgate.Airflow.Mwaa;

/// <summary>
/// MWAA's and AWS's own errors (not Airflow's) as <see cref="AirflowFailure"/>s that name them: the one place an AWS
/// error type becomes an error kind. The details are Airgate's words (safe for a client); AWS's message, which may name
/// roles and accounts, only goes to the log.
/// </summary>
internal static class MwaaErrors
{
    /// <summary>Set by Airgate when the credential chain found nothing: the call is refused unsent (fail closed).</summary>
    public const string CredentialsNotFound = "CredentialsNotFound";

    /// <summary>Set by Airgate when no region is configured or found in the AWS environment.</summary>
    public const string RegionNotFound = "RegionNotFound";

    /// <summary>How long a throttled read waits when MWAA gives no <c>Retry-After</c>.</summary>
    public static readonly TimeSpan ThrottledRetryAfter = TimeSpan.FromSeconds(1);

    private static readonly HashSet<string> SignatureErrors = new(StringComparer.Ordinal)
    {
        "InvalidSignatureException", "SignatureDoesNotMatch", "IncompleteSignatureException", "MissingAuthenticationTokenException",
        "UnrecognizedClientException", "InvalidClientTokenId", "ExpiredTokenException", "ExpiredToken", "MissingAuthenticationToken",
    };

    /// <summary>True for the throttling errors every AWS API may answer.</summary>
    public static bool IsThrottling(string type) => type is "ThrottlingException" or "Throttling" or "TooManyRequestsException" or "RequestLimitExceeded";

    /// <summary>The status the MWAA handler hands up for an AWS error, so the retry and breaker see what they should.</summary>
    public static int StatusFor(string type, int status) =>
        IsThrottling(type) ? 503 : type is "InternalServerException" or "ServiceUnavailableException" ? 502 : status;

    /// <summary>The failure an AWS error stands for; <paramref name="message"/> is AWS's text (only its wording is looked at).</summary>
    public static AirflowFailure ToFailure(string type, int status, string? message, string environment, TimeSpan? retryAfter)
    {
        var what = $"Amazon MWAA refused Airgate's call ({type})";
        if (IsThrottling(type))
        {
            return new AirflowFailure(AirflowError.ServerError, 503, $"Amazon MWAA throttled Airgate's calls ({type}). Try again shortly.", retryAfter ?? ThrottledRetryAfter, type);
        }

        return type switch
        {
            "InternalServerException" or "ServiceUnavailableException" => new AirflowFailure(
                AirflowError.ServerError, 502, $"Amazon MWAA failed to answer ({type}). Try again later.", retryAfter, type),
            "AccessDeniedException" when message is not null && (message.Contains("VPC", StringComparison.OrdinalIgnoreCase) || message.Contains("private", StringComparison.OrdinalIgnoreCase)) => Refused(
                403, $"{what}: environment '{environment}' has a private webserver, and private webserver environments can only call InvokeRestApi within a VPC. Run Airgate inside the environment's VPC (or reach it through a VPC interface endpoint).", type),
            "AccessDeniedException" => Refused(
                403, $"{what}: Airgate's IAM role may not call airflow:InvokeRestApi on environment '{environment}', or the Airflow role MWAA maps it to lacks the permission. An operator must check the IAM policy.", type),
            "ResourceNotFoundException" => Refused(
                404, $"{what}: there is no MWAA environment '{environment}' in the region Airgate signs for. Check Airgate:Airflow:Mwaa:Environment and Region.", type),
            "ValidationException" when message is not null && message.Contains("path", StringComparison.OrdinalIgnoreCase) => Refused(
                400, $"{what}: MWAA does not accept the Airflow path of this call (its API reference limits Path to 64 characters; long DAG or run ids exceed it). This call cannot be made through MWAA.", type),
            "ValidationException" => Refused(400, $"{what}: MWAA found the request invalid.", type),
            CredentialsNotFound => Refused(
                401, "Airgate found no AWS credentials (environment variables, shared profile, web identity, container or instance role), so it did not call Amazon MWAA.", type),
            RegionNotFound => Refused(
                401, "Airgate knows no AWS region for Amazon MWAA: set Airgate:Airflow:Mwaa:Region or AWS_REGION.", type),
            _ when SignatureErrors.Contains(type) => Refused(
                status, $"AWS refused Airgate's signature or credentials ({type}): check that the credentials are valid and current, the region is the environment's, and the clock is right.", type),
            _ => Refused(status, $"{what}.", type),
        };
    }

    private static AirflowFailure Refused(int status, string detail, string type) => new(AirflowError.TransportRefused, status, detail, null, type);
}
