using System.Net;

namespace Airgate.Auth.Tests;

public sealed class CorsTests
{
    private const string FrontEnd = "https://app.example.org";

    private static Dictionary<string, string?> Config(params string[] origins)
    {
        var config = new Dictionary<string, string?>
        {
            ["Airgate:Auth:Mode"] = "Development",
            ["Airgate:Auth:AllowDevelopmentMode"] = "true",
        };
        for (var i = 0; i < origins.Length; i++)
        {
            config[$"Airgate:Auth:Cors:AllowedOrigins:{i}"] = origins[i];
        }

        return config;
    }

    [Fact]
    public async Task Cors_PreflightFromAllowedOrigin_GetsAllowHeaders()
    {
        await using var host = await AuthTestHost.StartAsync(Config(FrontEnd, "http://localhost:5173"));

        using var response = await PreflightAsync(host, FrontEnd, "GET", "authorization,content-type,idempotency-key");

        response.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        Header(response, "Access-Control-Allow-Origin").ShouldBe(FrontEnd);
        Header(response, "Access-Control-Allow-Methods").ShouldNotBeNull().ShouldContain("GET");
        Header(response, "Access-Control-Allow-Headers").ShouldNotBeNull().ShouldContain("idempotency-key", Case.Insensitive);
    }

    [Fact]
    public async Task Cors_RequestFromAllowedOrigin_GetsAllowOrigin()
    {
        await using var host = await AuthTestHost.StartAsync(Config(FrontEnd));

        var response = await host.GetAsync("/api/v1/me", ("Origin", FrontEnd));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        Header(response, "Access-Control-Allow-Origin").ShouldBe(FrontEnd);
    }

    [Fact]
    public async Task Cors_401FromAllowedOrigin_StillGetsAllowOriginSoTheBrowserCanReadIt()
    {
        await using var host = await AuthTestHost.StartAsync(Config(FrontEnd));

        var response = await host.GetAsync("/api/v1/me", ("Origin", FrontEnd), ("X-Airgate-User", "not valid"));

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        Header(response, "Access-Control-Allow-Origin").ShouldBe(FrontEnd);
    }

    [Fact]
    public async Task Cors_OtherOrigin_GetsNoCorsHeaders()
    {
        await using var host = await AuthTestHost.StartAsync(Config(FrontEnd));

        using var preflight = await PreflightAsync(host, "https://evil.example.net", "GET", "authorization");
        var response = await host.GetAsync("/api/v1/me", ("Origin", "https://evil.example.net"));

        Header(preflight, "Access-Control-Allow-Origin").ShouldBeNull();
        Header(response, "Access-Control-Allow-Origin").ShouldBeNull();
    }

    [Fact]
    public async Task Cors_NoOriginsConfigured_NeverAnswersAnyOriginOrStar()
    {
        await using var host = await AuthTestHost.StartAsync(Config());

        using var preflight = await PreflightAsync(host, FrontEnd, "GET", "authorization");
        var response = await host.GetAsync("/api/v1/me", ("Origin", FrontEnd));

        Header(preflight, "Access-Control-Allow-Origin").ShouldBeNull();
        Header(response, "Access-Control-Allow-Origin").ShouldBeNull();
    }

    [Fact]
    public async Task Cors_PreflightForDelete_IsNotAllowed()
    {
        await using var host = await AuthTestHost.StartAsync(Config(FrontEnd));

        using var response = await PreflightAsync(host, FrontEnd, "DELETE", "authorization");

        (Header(response, "Access-Control-Allow-Methods") ?? string.Empty).ShouldNotContain("DELETE");
    }

    [Theory]
    [InlineData("http://localhost:5173", true)]
    [InlineData("http://127.0.0.1:3000", true)]
    [InlineData("http://localhost", true)]
    [InlineData("https://localhost:5173", false)]
    [InlineData("http://localhost.evil.example:5173", false)]
    [InlineData("http://127.0.0.2:5173", false)]
    [InlineData("http://user@localhost:5173", false)]
    [InlineData("null", false)]
    public async Task Cors_LoopbackOriginsAllowed_AnswersOnlyHttpLoopbackOrigins(string origin, bool allowed)
    {
        var config = Config();
        config["Airgate:Auth:Cors:AllowLoopbackOrigins"] = "true";
        await using var host = await AuthTestHost.StartAsync(config);

        using var response = await PreflightAsync(host, origin, "GET", "content-type,idempotency-key,if-none-match");

        Header(response, "Access-Control-Allow-Origin").ShouldBe(allowed ? origin : null);
    }

    [Fact]
    public async Task Cors_LoopbackOriginsNotEnabled_LocalhostIsRefused()
    {
        await using var host = await AuthTestHost.StartAsync(Config());

        using var response = await PreflightAsync(host, "http://localhost:5173", "GET", "authorization");

        Header(response, "Access-Control-Allow-Origin").ShouldBeNull();
    }

    private static async Task<HttpResponseMessage> PreflightAsync(AuthTestHost host, string origin, string method, string headers)
    {
        using var request = new HttpRequestMessage(HttpMethod.Options, "/api/v1/me");
        request.Headers.TryAddWithoutValidation("Origin", origin);
        request.Headers.TryAddWithoutValidation("Access-Control-Request-Method", method);
        request.Headers.TryAddWithoutValidation("Access-Control-Request-Headers", headers);
        return await host.Client.SendAsync(request);
    }

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? string.Join(',', values) : null;
}
