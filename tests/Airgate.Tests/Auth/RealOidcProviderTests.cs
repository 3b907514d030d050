using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Airgate.Auth.Tests;

/// <summary>
/// Jwt mode against a real OpenID provider (oidc-provider, <c>.ci/oidc/provider.mjs</c>): CI starts it on loopback and sets
/// <c>AIRGATE_TEST_OIDC_URL</c> to the trusted issuer; the next two ports serve another issuer and an impostor that claims
/// the trusted issuer's name with its own keys. One class, so its tests never run alongside the key rotation.
/// </summary>
public sealed class RealOidcProviderTests
{
    private const string Audience = "https://airgate.test/api";
    private static readonly string? Issuer = Environment.GetEnvironmentVariable("AIRGATE_TEST_OIDC_URL")?.TrimEnd('/');

    [OidcFact]
    public async Task Jwt_AuthorityOfARealProvider_TokenAcceptedWithClaimsMappedToUserAndRoles()
    {
        await using var host = await StartAsync();

        var user = await (await host.GetWithBearerAsync(await TokenAsync(TrustedIssuer))).ShouldBeUserAsync();

        user.ShouldBe(new UserBody("airgate-ci", "ci-robot", ["admin", "scientist"], true), new UserBodyComparer());
    }

    [OidcFact]
    public async Task Jwt_ProviderRotatesItsKey_NewKidAcceptedWithoutRestart()
    {
        await using var host = await StartAsync();
        (await host.GetWithBearerAsync(await TokenAsync(TrustedIssuer))).StatusCode.ShouldBe(HttpStatusCode.OK);

        using (var http = new HttpClient())
        {
            (await http.PostAsync(new Uri(TrustedIssuer + "/_ci/rotate"), null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        host.Time.Advance(TimeSpan.FromMinutes(2)); // past the once-a-minute reload limit
        var rotated = await TokenAsync(TrustedIssuer);

        (await (await host.GetWithBearerAsync(rotated)).ShouldBeUserAsync()).Id.ShouldBe("airgate-ci");
    }

    [OidcFact]
    public async Task Jwt_TokenForAnotherAudience_Refused()
    {
        await using var host = await StartAsync();

        await (await host.GetWithBearerAsync(await TokenAsync(TrustedIssuer, "https://other.test/api"))).ShouldBe401Async("another audience");
    }

    [OidcFact]
    public async Task Jwt_TokenFromAnotherIssuer_Refused()
    {
        await using var host = await StartAsync();

        // The signature is checked before any claim: another issuer's token falls at its key, before its 'iss' is read.
        await (await host.GetWithBearerAsync(await TokenAsync(OtherIssuerUrl))).ShouldBe401Async("unknown 'kid'");
    }

    [OidcFact]
    public async Task Jwt_TokenFromAnImpostorClaimingTheIssuer_Refused()
    {
        await using var host = await StartAsync();
        var token = await TokenAsync(ImpostorUrl);

        await (await host.GetWithBearerAsync(token)).ShouldBe401Async("unknown 'kid'");
    }

    private static string TrustedIssuer => Issuer ?? throw new InvalidOperationException("AIRGATE_TEST_OIDC_URL is not set.");

    private static string OtherIssuerUrl => WithPortOffset(1);

    private static string ImpostorUrl => WithPortOffset(2);

    private static string WithPortOffset(int offset)
    {
        var uri = new Uri(TrustedIssuer);
        return new UriBuilder(uri) { Port = uri.Port + offset }.Uri.ToString().TrimEnd('/');
    }

    private static Task<AuthTestHost> StartAsync() => AuthTestHost.StartAsync(new Dictionary<string, string?>
    {
        ["Airgate:Auth:Mode"] = "Jwt",
        ["Airgate:Auth:Jwt:Authority"] = TrustedIssuer,
        ["Airgate:Auth:Jwt:Audience"] = Audience,
        ["Airgate:Auth:Jwt:TokenType"] = "at+jwt",
    });

    /// <summary>A client-credentials access token from the provider at <paramref name="providerUrl"/>.</summary>
    private static async Task<string> TokenAsync(string providerUrl, string resource = Audience)
    {
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(providerUrl + "/token"))
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["grant_type"] = "client_credentials",
                ["resource"] = resource,
                ["scope"] = "runs",
            }),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.ASCII.GetBytes("airgate-ci:airgate-ci-secret")));
        using var response = await http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, body);
        using var json = JsonDocument.Parse(body);
        return json.RootElement.GetProperty("access_token").GetString() ?? throw new InvalidOperationException("No access_token.");
    }

    private sealed class OidcFactAttribute : FactAttribute
    {
        public OidcFactAttribute()
        {
            if (string.IsNullOrEmpty(Issuer))
            {
                Skip = "AIRGATE_TEST_OIDC_URL is not set (CI starts .ci/oidc/provider.mjs and sets it).";
            }
        }
    }
}
