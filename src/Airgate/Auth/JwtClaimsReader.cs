using System.Text.Json;

namespace Airgate.Auth;

/// <summary>
/// The claims of a token whose signature has been checked: <c>exp</c> (required) and <c>nbf</c> with the
/// clock skew, <c>iss</c>, <c>aud</c> (string or array), then the configured user id, name and roles claims.
/// </summary>
internal sealed class JwtClaimsReader(JwtOptions options, TimeProvider time)
{
    public JwtUser Read(JsonElement claims)
    {
        if (claims.ValueKind != JsonValueKind.Object)
        {
            throw new AuthFailure("The token payload is not a JSON object.");
        }

        var now = time.GetUtcNow();
        var exp = NumericDate(claims, "exp") ?? throw new AuthFailure("The token has no expiry ('exp').");
        // Subtract from now: exp + skew overflows for a token valid until year 9999.
        if (now - options.ClockSkew >= exp)
        {
            throw new AuthFailure("The token has expired.");
        }

        if (NumericDate(claims, "nbf") is { } nbf && now + options.ClockSkew < nbf)
        {
            throw new AuthFailure("The token is not valid yet ('nbf').");
        }

        if (!claims.TryGetProperty("iss", out var iss) || iss.ValueKind != JsonValueKind.String || !string.Equals(iss.GetString(), options.ExpectedIssuer, StringComparison.Ordinal))
        {
            throw new AuthFailure("The token was issued by another issuer ('iss').");
        }

        if (!HasAudience(claims))
        {
            throw new AuthFailure("The token is meant for another audience ('aud').");
        }

        var id = Claim(claims, options.UserIdClaim) is { } idElement && ScalarText(idElement) is { Length: > 0 and <= 256 } idText
            ? idText
            : throw new AuthFailure($"The token has no user id claim ('{options.UserIdClaim}').");
        var name = Claim(claims, options.UserNameClaim) is { } nameElement && ScalarText(nameElement) is { Length: > 0 } nameText ? nameText : id;
        return new JwtUser(id, name, Roles(claims));
    }

    private bool HasAudience(JsonElement claims)
    {
        if (!claims.TryGetProperty("aud", out var aud))
        {
            return false;
        }

        return aud.ValueKind switch
        {
            JsonValueKind.String => aud.GetString() == options.Audience,
            JsonValueKind.Array => aud.EnumerateArray().Any(a => a.ValueKind == JsonValueKind.String && a.GetString() == options.Audience),
            _ => false,
        };
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

    private static DateTimeOffset? NumericDate(JsonElement claims, string name)
    {
        if (!claims.TryGetProperty(name, out var value))
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.Number || !value.TryGetDouble(out var seconds) || !double.IsFinite(seconds)
            || seconds < 0 || seconds > DateTimeOffset.MaxValue.ToUnixTimeSeconds())
        {
            throw new AuthFailure($"The token's '{name}' is not a NumericDate.");
        }

        return DateTimeOffset.UnixEpoch.AddSeconds(Math.Floor(seconds));
    }
}
