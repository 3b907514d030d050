namespace Airgate.Auth;

/// <summary>
/// Why a request was not authenticated. <see cref="Exception.Message"/> is written to the client as the
/// problem's <c>detail</c>, so it is always our own wording and never contains the credential.
/// </summary>
internal sealed class AuthFailure : Exception
{
    public AuthFailure()
        : this("Authentication failed.")
    {
    }

    public AuthFailure(string detail)
        : this(detail, StatusCodes.Status401Unauthorized)
    {
    }

    public AuthFailure(string detail, Exception innerException)
        : base(detail, innerException)
    {
        Status = StatusCodes.Status401Unauthorized;
    }

    public AuthFailure(string detail, int status, TimeSpan? retryAfter = null)
        : base(detail)
    {
        Status = status;
        RetryAfter = retryAfter;
    }

    /// <summary>401 for bad credentials; 503 when the keys to check them could not be loaded.</summary>
    public int Status { get; }

    public TimeSpan? RetryAfter { get; }

    /// <summary>Set when a credential was presented but refused, for RFC 6750's <c>error="invalid_token"</c>.</summary>
    public bool CredentialPresented { get; init; } = true;
}
