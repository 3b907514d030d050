namespace Airgate.Auth;

/// <summary>Stable problem <c>type</c> values for identity and access errors.</summary>
internal static class AuthProblemTypes
{
    public const string Unauthenticated = "urn:airgate:problem:unauthenticated";
    public const string Forbidden = "urn:airgate:problem:forbidden";
    public const string AuthUnavailable = "urn:airgate:problem:auth-unavailable";
}
