using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Airgate.Auth.Tests;

internal static class JwtTestSetup
{
    public const string JwksUrl = "https://idp.test/realms/airgate/protocol/openid-connect/certs";

    public static Dictionary<string, string?> Config(params (string Key, string? Value)[] extra)
    {
        var config = new Dictionary<string, string?>
        {
            ["Airgate:Auth:Mode"] = "Jwt",
            ["Airgate:Auth:Jwt:Issuer"] = TestJwt.Issuer,
            ["Airgate:Auth:Jwt:Audience"] = TestJwt.Audience,
            ["Airgate:Auth:Jwt:JwksUrl"] = JwksUrl,
        };
        foreach (var (key, value) in extra)
        {
            config[key] = value;
        }

        return config;
    }

    /// <summary>A host whose JWKS fetches go to <paramref name="jwks"/> instead of the network.</summary>
    public static Task<AuthTestHost> StartAsync(FakeJwksHandler jwks, params (string Key, string? Value)[] extra) =>
        AuthTestHost.StartAsync(Config(extra), builder => UseFakeJwks(builder, jwks));

    public static void UseFakeJwks(WebApplicationBuilder builder, FakeJwksHandler jwks) =>
        builder.Services.AddHttpClient(JwksKeySource.HttpClientName).ConfigurePrimaryHttpMessageHandler(() => jwks);
}
