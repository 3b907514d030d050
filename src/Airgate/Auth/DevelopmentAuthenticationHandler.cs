using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Airgate.Auth;

/// <summary>
/// No credentials: the caller is <c>dev</c> (an admin, so one person alone can try every flow) or the
/// user named by <c>X-Airgate-User</c> (no roles unless <c>X-Airgate-Roles</c> lists them), so ownership
/// rules can be tried with several users.
/// </summary>
internal sealed class DevelopmentAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> schemeOptions,
    ILoggerFactory loggerFactory,
    UrlEncoder encoder,
    IOptions<AuthOptions> authOptions)
    : AirgateAuthenticationHandler(schemeOptions, loggerFactory, encoder, authOptions)
{
    public const string UserHeader = "X-Airgate-User";
    public const string RolesHeader = "X-Airgate-Roles";
    public const string DefaultUser = "dev";
    private const int MaxRoles = 32;

    protected override AuthMode Mode => AuthMode.Development;

    protected override string MissingCredentialDetail => "Development mode is not enabled.";

    protected override ValueTask<ClaimsIdentity?> AuthenticateRequestAsync()
    {
        // Defence in depth: this scheme only ever answers when start-up checks allowed it.
        if (AuthOptions is not { Mode: AuthMode.Development, AllowDevelopmentMode: true })
        {
            return ValueTask.FromResult<ClaimsIdentity?>(null);
        }

        var userValues = Request.Headers[UserHeader];
        string user;
        if (userValues.Count == 0)
        {
            user = DefaultUser;
        }
        else if (userValues.Count > 1 || !IsName(userValues[0]))
        {
            throw new AuthFailure($"{UserHeader} must be one user name of 1 to 64 characters from A-Z, a-z, 0-9 and . _ @ -.");
        }
        else
        {
            user = userValues[0] ?? DefaultUser;
        }

        var roles = ReadRoles(isDefaultUser: userValues.Count == 0);
        return ValueTask.FromResult<ClaimsIdentity?>(CreateIdentity(Scheme.Name, user, user, roles));
    }

    private string[] ReadRoles(bool isDefaultUser)
    {
        var values = Request.Headers[RolesHeader];
        if (values.Count == 0)
        {
            return isDefaultUser ? [AuthOptions.AdminRole] : [];
        }

        var roles = string.Join(',', values.ToArray())
            .Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (roles.Length > MaxRoles || !roles.All(IsName))
        {
            throw new AuthFailure($"{RolesHeader} must be a comma-separated list of at most {MaxRoles} roles, each 1 to 64 characters from A-Z, a-z, 0-9 and . _ @ -.");
        }

        return roles;
    }

    internal static bool IsName(string? value) =>
        value is { Length: >= 1 and <= 64 } && value.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '@' or '-');
}
