using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace Airgate.AirflowEmulator.Auth;

/// <summary>Issues JWT-shaped tokens and remembers them; a token is only as good as this emulator's memory of it.</summary>
internal sealed class TokenIssuer(EmulatorOptions options, TimeProvider time, EmulatorFaults faults)
{
    private readonly ConcurrentDictionary<string, IssuedToken> _tokens = new(StringComparer.Ordinal);

    public string Issue(string username)
    {
        var now = time.GetUtcNow();
        var header = Base64Url("""{"alg":"HS512","typ":"JWT"}""");
        var payload = Base64Url(new JsonObject
        {
            ["sub"] = username,
            ["iss"] = "airgate-emulator",
            ["iat"] = now.ToUnixTimeSeconds(),
            ["nbf"] = now.ToUnixTimeSeconds(),
            ["exp"] = (now + options.TokenLifetime).ToUnixTimeSeconds(),
            ["jti"] = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)),
        }.ToJsonString());
        var token = $"{header}.{payload}.{Convert.ToBase64String(RandomNumberGenerator.GetBytes(64)).TrimEnd('=').Replace('+', '-').Replace('/', '_')}";
        _tokens[token] = new IssuedToken(username, now + options.TokenLifetime, faults.TokenGeneration);
        return token;
    }

    public TokenCheck Check(string token)
    {
        if (!_tokens.TryGetValue(token, out var issued))
        {
            return new TokenCheck(TokenStatus.Invalid, null);
        }

        var expired = time.GetUtcNow() >= issued.ExpiresAt || issued.Generation < faults.TokenGeneration;
        return new TokenCheck(expired ? TokenStatus.Expired : TokenStatus.Valid, issued.Username);
    }

    private static string Base64Url(string text) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(text)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private sealed record IssuedToken(string Username, DateTimeOffset ExpiresAt, long Generation);
}

internal enum TokenStatus
{
    Valid,
    Expired,
    Invalid,
}

internal sealed record TokenCheck(TokenStatus Status, string? Username);
