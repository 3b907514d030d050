using Microsoft.Extensions.Primitives;

namespace Airgate.Auth;

internal static class BearerToken
{
    /// <summary>The credential of <c>Authorization: Bearer &lt;credential&gt;</c>; null when absent; throws when malformed.</summary>
    public static string? Read(StringValues authorization)
    {
        if (authorization.Count == 0)
        {
            return null;
        }

        if (authorization.Count > 1)
        {
            throw new AuthFailure("Send one Authorization header.");
        }

        var value = (authorization[0] ?? string.Empty).Trim();
        const string scheme = "Bearer ";
        if (string.Equals(value, scheme.TrimEnd(), StringComparison.OrdinalIgnoreCase))
        {
            throw new AuthFailure("The Authorization header carries no credential.");
        }

        if (!value.StartsWith(scheme, StringComparison.OrdinalIgnoreCase))
        {
            throw new AuthFailure("The Authorization header must use the Bearer scheme: 'Authorization: Bearer <credential>'.");
        }

        return value[scheme.Length..].Trim();
    }
}
