using System.Globalization;
using Microsoft.Extensions.Options;

namespace Airgate.Auth;

/// <summary>Checks <c>Airgate:Auth</c> at start and reports every problem at once, each naming its key and the fix.</summary>
internal sealed class AuthOptionsValidator : IValidateOptions<AuthOptions>
{
    private const string Section = AuthOptions.SectionName;
    private static readonly TimeSpan MaxClockSkew = TimeSpan.FromMinutes(5);

    public ValidateOptionsResult Validate(string? name, AuthOptions options)
    {
        var failures = new List<string>();
        ValidateMode(options, failures);
        if (string.IsNullOrWhiteSpace(options.AdminRole))
        {
            failures.Add($"{Section}:AdminRole is empty: set it to the role that may stop other users' runs (default 'admin')");
        }

        if (options.Mode == AuthMode.ApiKeys && options.ApiKeys.Count == 0)
        {
            failures.Add($"{Section}:ApiKeys is empty but {Section}:Mode is ApiKeys: add at least one entry with KeyHash ('sha256:' + the hex SHA-256 of the key, e.g. from `printf %s \"$KEY\" | sha256sum`), UserId, UserName and Roles");
        }

        ValidateApiKeys(options.ApiKeys, failures);
        if (options.Mode == AuthMode.Jwt)
        {
            ValidateJwt(options.Jwt, failures);
        }

        ValidateCors(options.Cors, failures);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void ValidateMode(AuthOptions options, List<string> failures)
    {
        if (options.Mode is null)
        {
            failures.Add($"{Section}:Mode is not set: set it to Jwt (tokens from your OIDC provider) or ApiKeys (hashed keys in {Section}:ApiKeys). Development is for `airgate dev` only");
        }
        else if (options.Mode == AuthMode.Development && !options.AllowDevelopmentMode)
        {
            failures.Add($"{Section}:Mode is Development, which lets anyone in as any user without credentials; it runs only under `airgate dev` or with {Section}:AllowDevelopmentMode=true. For a deployment set {Section}:Mode to Jwt or ApiKeys");
        }
    }

    private static void ValidateApiKeys(IReadOnlyList<ApiKeyOptions> keys, List<string> failures)
    {
        var seen = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < keys.Count; i++)
        {
            var key = $"{Section}:ApiKeys:{i.ToString(CultureInfo.InvariantCulture)}";
            // The value is never echoed: a raw key pasted here by mistake must not reach the log.
            if (!ApiKeyHash.TryParse(keys[i].KeyHash, out _))
            {
                failures.Add($"{key}:KeyHash must be 'sha256:' followed by the 64 hex digits of the key's SHA-256 (store the hash, never the key), e.g. from `printf %s \"$KEY\" | sha256sum`");
            }
            else if (keys[i].KeyHash is { } hash && !seen.TryAdd(hash, i))
            {
                failures.Add($"{key}:KeyHash is the same as {Section}:ApiKeys:{seen[hash].ToString(CultureInfo.InvariantCulture)}:KeyHash: give every user their own key");
            }

            if (string.IsNullOrWhiteSpace(keys[i].UserId))
            {
                failures.Add($"{key}:UserId is empty: set the id of the user this key signs in (it is recorded as the owner of the runs they start)");
            }
        }
    }

    private static void ValidateJwt(JwtOptions jwt, List<string> failures)
    {
        var key = $"{Section}:Jwt";
        var hasAuthority = !string.IsNullOrWhiteSpace(jwt.Authority);
        if (string.IsNullOrWhiteSpace(jwt.Issuer) && !hasAuthority)
        {
            failures.Add($"{key}:Issuer is empty: set it to the 'iss' your identity provider puts in tokens (its issuer URL)");
        }

        if (string.IsNullOrWhiteSpace(jwt.Audience))
        {
            failures.Add($"{key}:Audience is empty: set it to the 'aud' your identity provider issues for this API (often the client id)");
        }

        var hasUrl = !string.IsNullOrWhiteSpace(jwt.JwksUrl);
        var hasFile = !string.IsNullOrWhiteSpace(jwt.JwksFile);
        if ((hasAuthority ? 1 : 0) + (hasUrl ? 1 : 0) + (hasFile ? 1 : 0) != 1)
        {
            failures.Add($"{key}:Authority, {key}:JwksUrl or {key}:JwksFile must be set, exactly one: the provider's issuer URL (keys by OpenID Connect discovery), its JWKS address (https://.../jwks.json) or a local JWKS file");
        }
        else if (hasAuthority && !IsAcceptableJwksUrl(jwt.Authority))
        {
            failures.Add($"{key}:Authority must be an absolute https:// address (http:// only for localhost), e.g. https://login.example.org/realms/airgate");
        }
        else if (hasUrl && !IsAcceptableJwksUrl(jwt.JwksUrl))
        {
            failures.Add($"{key}:JwksUrl must be an absolute https:// address (http:// only for localhost)");
        }
        else if (hasFile && !File.Exists(jwt.JwksFile))
        {
            failures.Add($"{key}:JwksFile names a file that does not exist: '{jwt.JwksFile}'");
        }

        if (jwt.TokenType is { } tokenType && (tokenType.Length == 0 || tokenType.Any(char.IsWhiteSpace)))
        {
            failures.Add($"{key}:TokenType must be a media type such as at+jwt, or left unset");
        }

        foreach (var (claim, value) in new[] { ("UserIdClaim", jwt.UserIdClaim), ("UserNameClaim", jwt.UserNameClaim), ("RolesClaim", jwt.RolesClaim) })
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                failures.Add($"{key}:{claim} is empty: name the token claim to read, or remove the key for the default");
            }
        }

        if (jwt.ClockSkew < TimeSpan.Zero || jwt.ClockSkew > MaxClockSkew)
        {
            failures.Add($"{key}:ClockSkew must be between 00:00:00 and 00:05:00 (hh:mm:ss; a bare number is read as days)");
        }

        foreach (var algorithm in jwt.AcceptedAlgorithms())
        {
            if (!JwtOptions.SupportedAlgorithms.Contains(algorithm, StringComparer.Ordinal))
            {
                failures.Add($"{key}:Algorithms contains '{algorithm}', which is not supported: use {string.Join(" and/or ", JwtOptions.SupportedAlgorithms)}");
            }
        }
    }

    internal static bool IsAcceptableJwksUrl(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttps || (uri.Scheme == Uri.UriSchemeHttp && uri.IsLoopback));

    private static void ValidateCors(CorsOptions cors, List<string> failures)
    {
        for (var i = 0; i < cors.AllowedOrigins.Count; i++)
        {
            var origin = cors.AllowedOrigins[i];
            var key = $"{Section}:Cors:AllowedOrigins:{i.ToString(CultureInfo.InvariantCulture)}";
            if (origin.Trim() == "*")
            {
                failures.Add($"{key} is '*': list each front-end origin instead (e.g. https://app.example.org); any origin is never allowed");
            }
            else if (!IsOrigin(origin))
            {
                failures.Add($"{key} is '{origin}', not an origin: write scheme://host[:port] with no path, e.g. https://app.example.org");
            }
        }
    }

    internal static bool IsOrigin(string origin) =>
        Uri.TryCreate(origin, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
        && uri.AbsolutePath == "/" && !origin.EndsWith('/') && uri.Query.Length == 0 && uri.Fragment.Length == 0 && uri.UserInfo.Length == 0;
}
