using System.Globalization;
using Airgate.Problems;
using Microsoft.Net.Http.Headers;

namespace Airgate.Auth;

/// <summary>The 401/503 answer every mode gives (problem+json, <c>WWW-Authenticate</c>, <c>Retry-After</c>), in one place.</summary>
internal static class AuthChallenge
{
    public static Task WriteAsync(HttpContext context, AuthFailure failure)
    {
        var response = context.Response;
        if (failure.Status == StatusCodes.Status503ServiceUnavailable)
        {
            if (failure.RetryAfter is { } retryAfter)
            {
                response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
            }

            return AuthProblemWriter.WriteAsync(context, failure.Status, ProblemTypes.AuthUnavailable, "Authentication unavailable", failure.Message);
        }

        response.Headers[HeaderNames.WWWAuthenticate] = failure.CredentialPresented
            ? "Bearer realm=\"airgate\", error=\"invalid_token\""
            : "Bearer realm=\"airgate\"";
        return AuthProblemWriter.WriteAsync(context, StatusCodes.Status401Unauthorized, ProblemTypes.Unauthenticated, "Authentication required", failure.Message);
    }

    public static Task WriteForbiddenAsync(HttpContext context) =>
        AuthProblemWriter.WriteAsync(context, StatusCodes.Status403Forbidden, ProblemTypes.Forbidden, "Forbidden", "You are signed in but may not do this.");
}
