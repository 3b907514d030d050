using System.Net;
using System.Text.Json.Nodes;
using Airgate.AirflowEmulator.Tests.Support;

namespace Airgate.AirflowEmulator.Tests.Auth;

public sealed class AuthTests
{
    [Fact]
    public async Task CreateToken_ValidCredentials_Returns201WithJwtShapedToken()
    {
        await using var h = EmulatorHarness.Create();

        var answer = await h.PostAsync("auth/token", """{"username": "admin", "password": "admin"}""", h.Anonymous);

        answer.Status.ShouldBe(HttpStatusCode.Created);
        var token = answer.Json["access_token"]!.GetValue<string>();
        token.Split('.').Length.ShouldBe(3);
        answer.Json.AsObject().Count.ShouldBe(1);
    }

    [Fact]
    public async Task CreateToken_IssuedToken_AuthorizesApiRoutes()
    {
        await using var h = EmulatorHarness.Create();
        var token = (await h.PostAsync("auth/token", """{"username": "admin", "password": "admin"}""", h.Anonymous)).Json["access_token"]!.GetValue<string>();
        using var client = h.NewClient(token, check: true);

        var answer = await h.GetAsync("api/v2/dags", client);

        answer.Status.ShouldBe(HttpStatusCode.OK);
    }

    [Theory]
    [InlineData("""{"username": "admin", "password": "wrong"}""")]
    [InlineData("""{"username": "someone", "password": "admin"}""")]
    public async Task CreateToken_BadCredentials_Returns401InvalidCredentials(string body)
    {
        await using var h = EmulatorHarness.Create();

        var answer = await h.PostAsync("auth/token", body, h.Anonymous);

        answer.Status.ShouldBe(HttpStatusCode.Unauthorized);
        answer.Detail.ShouldBe("Invalid credentials");
    }

    [Fact]
    public async Task CreateToken_EmptyFields_Returns400()
    {
        await using var h = EmulatorHarness.Create();

        var answer = await h.PostAsync("auth/token", """{"username": "", "password": ""}""", h.Anonymous);

        answer.Status.ShouldBe(HttpStatusCode.BadRequest);
        answer.Detail.ShouldNotBeNull();
    }

    [Fact]
    public async Task CreateToken_MissingPassword_Returns422WithLocation()
    {
        await using var h = EmulatorHarness.Create();

        var answer = await h.PostAsync("auth/token", """{"username": "admin"}""", h.Anonymous);

        answer.Status.ShouldBe(HttpStatusCode.UnprocessableEntity);
        var problem = answer.Json["detail"]![0]!;
        problem["type"]!.GetValue<string>().ShouldBe("missing");
        problem["loc"]!.AsArray().Select(n => n!.GetValue<string>()).ShouldBe(["body", "password"]);
    }

    [Fact]
    public async Task ApiRoute_NoAuthorizationHeader_Returns401NotAuthenticated()
    {
        await using var h = EmulatorHarness.Create();

        var answer = await h.GetAsync("api/v2/dags", h.Anonymous);

        answer.Status.ShouldBe(HttpStatusCode.Unauthorized);
        answer.Detail.ShouldBe("Not authenticated");
    }

    [Fact]
    public async Task ApiRoute_UnknownToken_Returns403InvalidJwtToken()
    {
        await using var h = EmulatorHarness.Create();
        using var client = h.NewClient("eyJhbGciOiJIUzUxMiJ9.eyJzdWIiOiJhZG1pbiJ9.forged", check: true);

        var answer = await h.GetAsync("api/v2/dags/reference_download", client);

        answer.Status.ShouldBe(HttpStatusCode.Forbidden);
        answer.Detail.ShouldBe("Invalid JWT token");
    }

    [Fact]
    public async Task ApiRoute_TokenPastItsLifetime_Returns401TokenExpired()
    {
        await using var h = EmulatorHarness.Create(o => o with { TokenLifetime = TimeSpan.FromMinutes(30) });
        h.Clock.Advance(TimeSpan.FromMinutes(29));
        (await h.GetAsync("api/v2/dags")).Status.ShouldBe(HttpStatusCode.OK);

        h.Clock.Advance(TimeSpan.FromMinutes(1));
        var answer = await h.GetAsync("api/v2/dags");

        answer.Status.ShouldBe(HttpStatusCode.Unauthorized);
        answer.Detail.ShouldBe("Token Expired");
    }

    [Fact]
    public async Task ExpireAllTokens_OldToken_Returns401TokenExpiredWhileNewTokenWorks()
    {
        await using var h = EmulatorHarness.Create();

        h.Emulator.Faults.ExpireAllTokens();
        var expired = await h.GetAsync("api/v2/dags");
        using var fresh = h.NewClient(h.Emulator.IssueToken(), check: true);

        expired.Status.ShouldBe(HttpStatusCode.Unauthorized);
        expired.Detail.ShouldBe("Token Expired");
        (await h.GetAsync("api/v2/dags", fresh)).Status.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task ApiRoute_BasicAuthentication_Returns401NotAuthenticated()
    {
        await using var h = EmulatorHarness.Create();
        using var client = h.NewClient(token: null, check: true);
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Basic", "YWRtaW46YWRtaW4=");

        var answer = await h.GetAsync("api/v2/dags", client);

        answer.Status.ShouldBe(HttpStatusCode.Unauthorized);
        answer.Detail.ShouldBe("Not authenticated");
    }

    [Fact]
    public async Task IssuedToken_Payload_NamesTheUserAndExpiry()
    {
        await using var h = EmulatorHarness.Create();

        var payload = h.Emulator.IssueToken("svc-airgate").Split('.')[1];
        var json = JsonNode.Parse(Convert.FromBase64String(payload.Replace('-', '+').Replace('_', '/').PadRight((payload.Length + 3) / 4 * 4, '=')))!;

        json["sub"]!.GetValue<string>().ShouldBe("svc-airgate");
        json["exp"]!.GetValue<long>().ShouldBe(h.Clock.GetUtcNow().AddHours(24).ToUnixTimeSeconds());
    }
}
