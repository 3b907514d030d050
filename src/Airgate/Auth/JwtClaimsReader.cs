using System.Text.Json;

namespace Airgate.Auth;

/// <summary>
/// The user of a token IdentityModel has accepted: the configured user id (required), name and roles claims, by exact
/// name or dotted path; roles as an array or a space-separated string.
/// </summary>
internal sealed class JwtClaimsReader(JwtOptions options)
{
    public JwtUser Read(JsonElement claims)
    {
        var id = Claim(claims, options.UserIdClaim) is { } idElement && ScalarText(idElement) is { Length: > 0 and <= 256 } idText
            ? idText
            : throw new AuthFailure($"The token has no user id claim ('{options.UserIdClaim}').");
        // A user id is stored, compared and shown: control characters (NUL first) would make two ids look alike or cut one short.
        if (id.Any(char.IsControl))
        {
            throw new AuthFailure($"The token's user id claim ('{options.UserIdClaim}') holds control characters.");
        }

        var name = Claim(claims, options.UserNameClaim) is { } nameElement && ScalarText(nameElement) is { Length: > 0 } nameText && !nameText.Any(char.IsControl) ? nameText : id;
        return new JwtUser(id, name, Roles(claims));
    }

    private string[] Roles(JsonElement claims) => Claim(claims, options.RolesClaim) switch
    {
        { ValueKind: JsonValueKind.Array } array => [.. array.EnumerateArray()
            .Where(r => r.ValueKind == JsonValueKind.String)
            .Select(r => r.GetString() ?? string.Empty)
            .Where(r => r.Length > 0)],
        { ValueKind: JsonValueKind.String } text => (text.GetString() ?? string.Empty).Split(' ', StringSplitOptions.RemoveEmptyEntries),
        _ => [],
    };

    /// <summary>A claim by exact name, else by dotted path (Keycloak's <c>realm_access.roles</c>).</summary>
    private static JsonElement? Claim(JsonElement claims, string name)
    {
        if (claims.TryGetProperty(name, out var direct))
        {
            return direct;
        }

        var current = claims;
        foreach (var segment in name.Split('.'))
        {
            if (current.ValueKind != JsonValueKind.Object || !current.TryGetProperty(segment, out current))
            {
                return null;
            }
        }

        return current;
    }

    private static string? ScalarText(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => element.GetString(),
        JsonValueKind.Number => element.GetRawText(),
        _ => null,
    };
}
