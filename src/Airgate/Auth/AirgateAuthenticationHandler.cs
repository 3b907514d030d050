using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Airgate.Auth;

/// <summary>
/// What the three modes share: a user identity in one claim shape, failures as problem details
/// (401/403/503, never a 500), and failure reasons logged without the credential.
/// </summary>
internal abstract class AirgateAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> schemeOptions,
    ILoggerFactory loggerFactory,
    UrlEncoder encoder,
    IOptions<AuthOptions> authOptions)
    : AuthenticationHandler<AuthenticationSchemeOptions>(schemeOptions, loggerFactory, encoder)
{
    protected AuthOptions AuthOptions { get; } = authOptions.Value;

    protected abstract AuthMode Mode { get; }

    /// <summary>Returns the authenticated identity, or null when no credential was sent; throws <see cref="AuthFailure"/> to refuse.</summary>
    protected abstract ValueTask<ClaimsIdentity?> AuthenticateRequestAsync();

    protected sealed override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        try
        {
            var identity = await AuthenticateRequestAsync();
            return identity is null
                ? AuthenticateResult.NoResult()
                : AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), Scheme.Name));
        }
        catch (AuthFailure failure)
        {
            AuthLog.Refused(Logger, Mode, failure.Message);
            return AuthenticateResult.Fail(failure);
        }
        catch (OperationCanceledException) when (Context.RequestAborted.IsCancellationRequested)
        {
            return AuthenticateResult.Fail(new AuthFailure("The request was cancelled."));
        }
#pragma warning disable CA1031 // A bug here must still answer a problem, not a 500 carrying a stack trace.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            AuthLog.Unexpected(Logger, Mode, exception);
            return AuthenticateResult.Fail(new AuthFailure("The credentials could not be checked."));
        }
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var result = await HandleAuthenticateOnceSafeAsync();
        var failure = result.Failure as AuthFailure ?? new AuthFailure(MissingCredentialDetail) { CredentialPresented = false };
        await AuthChallenge.WriteAsync(Context, failure);
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) => AuthChallenge.WriteForbiddenAsync(Context);

    /// <summary>The 401 detail when the request carried no credential at all: it says what to send.</summary>
    protected abstract string MissingCredentialDetail { get; }

    internal static ClaimsIdentity CreateIdentity(string scheme, string id, string name, IEnumerable<string> roles)
    {
        var identity = new ClaimsIdentity(scheme, ClaimTypes.Name, ClaimTypes.Role);
        identity.AddClaim(new Claim(ClaimTypes.NameIdentifier, id));
        identity.AddClaim(new Claim(ClaimTypes.Name, name));
        foreach (var role in roles.Distinct(StringComparer.Ordinal))
        {
            identity.AddClaim(new Claim(ClaimTypes.Role, role));
        }

        return identity;
    }
}
