using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace Airgate.Auth;

/// <summary><c>Authorization: Bearer &lt;JWT&gt;</c> from the configured OIDC provider.</summary>
internal sealed class JwtAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> schemeOptions,
    ILoggerFactory loggerFactory,
    UrlEncoder encoder,
    IOptions<AuthOptions> authOptions,
    JwtValidator validator)
    : AirgateAuthenticationHandler(schemeOptions, loggerFactory, encoder, authOptions)
{
    protected override AuthMode Mode => AuthMode.Jwt;

    protected override string MissingCredentialDetail => "Send a token from the identity provider as 'Authorization: Bearer <token>'.";

    protected override async ValueTask<ClaimsIdentity?> AuthenticateRequestAsync()
    {
        if (BearerToken.Read(Request.Headers[HeaderNames.Authorization]) is not { } token)
        {
            return null;
        }

        var user = await validator.ValidateAsync(token, Context.RequestAborted);
        return CreateIdentity(Scheme.Name, user.Id, user.Name, user.Roles);
    }
}
