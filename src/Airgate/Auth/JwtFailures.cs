using Microsoft.IdentityModel.Tokens;

namespace Airgate.Auth;

/// <summary>
/// IdentityModel's refusals as our own wording, in one place: the client reads the problem's <c>detail</c>, never an
/// IdentityModel message (which could quote the token).
/// </summary>
internal static class JwtFailures
{
    /// <summary>The refusal for <paramref name="exception"/>, or null when it is not a refusal but a fault of ours.</summary>
    public static AuthFailure? Map(Exception exception, IReadOnlyList<string> algorithms) => exception switch
    {
        AuthFailure failure => failure,
        SecurityTokenExpiredException => new AuthFailure("The token has expired."),
        SecurityTokenNotYetValidException => new AuthFailure("The token is not valid yet ('nbf')."),
        SecurityTokenNoExpirationException => new AuthFailure("The token has no expiry ('exp')."),
        SecurityTokenInvalidIssuerException => new AuthFailure("The token was issued by another issuer ('iss')."),
        SecurityTokenInvalidAudienceException => new AuthFailure("The token is meant for another audience ('aud')."),
        SecurityTokenInvalidAlgorithmException => new AuthFailure($"The token's signing algorithm is not accepted; accepted: {string.Join(", ", algorithms)}."),
        // Includes SecurityTokenSignatureKeyNotFoundException: an unknown 'kid' was refused before IdentityModel ran.
        SecurityTokenInvalidSignatureException => new AuthFailure("The token's signature is not valid."),
        SecurityTokenMalformedException => new AuthFailure("The token is not a signed JWT (header.payload.signature)."),
        SecurityTokenException => new AuthFailure("The token is not valid."),
        _ => null,
    };
}
