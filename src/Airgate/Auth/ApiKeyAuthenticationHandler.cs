using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace Airgate.Auth;

/// <summary>
/// A key sent as <c>Authorization: Bearer &lt;key&gt;</c> or <c>X-Api-Key: &lt;key&gt;</c> (either; when both
/// are sent they must be the same key), looked up by its SHA-256 hash.
/// </summary>
internal sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> schemeOptions,
    ILoggerFactory loggerFactory,
    UrlEncoder encoder,
    IOptions<AuthOptions> authOptions,
    ApiKeyStore store)
    : AirgateAuthenticationHandler(schemeOptions, loggerFactory, encoder, authOptions)
{
    public const string KeyHeader = "X-Api-Key";
    private const int MaxKeyLength = 512;

    protected override AuthMode Mode => AuthMode.ApiKeys;

    protected override string MissingCredentialDetail => $"Send an API key as 'Authorization: Bearer <key>' or '{KeyHeader}: <key>'.";

    protected override ValueTask<ClaimsIdentity?> AuthenticateRequestAsync()
    {
        var bearer = BearerToken.Read(Request.Headers[HeaderNames.Authorization]);
        var headerValues = Request.Headers[KeyHeader];
        if (headerValues.Count > 1)
        {
            throw new AuthFailure($"Send one {KeyHeader} header.");
        }

        var header = headerValues.Count == 1 ? headerValues[0]?.Trim() : null;
        if (bearer is null && header is null)
        {
            return ValueTask.FromResult<ClaimsIdentity?>(null);
        }

        if (bearer is not null && header is not null && !string.Equals(bearer, header, StringComparison.Ordinal))
        {
            throw new AuthFailure($"The Authorization and {KeyHeader} headers carry different keys; send one.");
        }

        var key = bearer ?? header;
        if (string.IsNullOrEmpty(key) || key.Length > MaxKeyLength)
        {
            throw new AuthFailure("The API key is empty or too long.");
        }

        var entry = store.Find(key) ?? throw new AuthFailure("The API key is not valid.");
        var id = entry.UserId ?? throw new AuthFailure("The API key is not valid.");
        var name = string.IsNullOrWhiteSpace(entry.UserName) ? id : entry.UserName;
        return ValueTask.FromResult<ClaimsIdentity?>(CreateIdentity(Scheme.Name, id, name, entry.Roles));
    }
}
