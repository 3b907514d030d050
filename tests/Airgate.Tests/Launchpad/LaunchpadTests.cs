using System.Net;
using Airgate.Tests.Infrastructure;

namespace Airgate.Launchpad.Tests;

/// <summary>The page at <c>/</c>: served from a build folder with the right cache headers, never in the API's way.</summary>
public sealed class LaunchpadTests : IDisposable
{
    private const string IndexMarker = "<title>launchpad test build</title>";
    private const string Asset = "/assets/index-AbC123.js";
    private readonly DirectoryInfo _build = Directory.CreateTempSubdirectory("airgate-ui-");
    private readonly DirectoryInfo _outside = Directory.CreateTempSubdirectory("airgate-ui-outside-");

    public LaunchpadTests()
    {
        File.WriteAllText(Path.Combine(_build.FullName, "index.html"), $"<!doctype html><html><head>{IndexMarker}</head><body></body></html>");
        Directory.CreateDirectory(Path.Combine(_build.FullName, "assets"));
        File.WriteAllText(Path.Combine(_build.FullName, "assets", "index-AbC123.js"), "console.log('built');");
        File.WriteAllText(Path.Combine(_outside.FullName, "secret.txt"), "not for the browser");
    }

    public void Dispose()
    {
        _build.Delete(recursive: true);
        _outside.Delete(recursive: true);
    }

    private Gateway Start(bool? enabled = null, string? path = null, params (string Key, string Value)[] settings) => Gateway.Start(options =>
    {
        options.Settings["Airgate:Ui:Path"] = path ?? _build.FullName;
        if (enabled is { } value)
        {
            options.Settings["Airgate:Ui:Enabled"] = value ? "true" : "false";
        }

        foreach (var (key, setting) in settings)
        {
            options.Settings[key] = setting;
        }
    });

    [Theory]
    [InlineData("/")]
    [InlineData("/workflows/bactopia_species_screen")]
    [InlineData("/runs/bactopia_species_screen/some_run/rerun")]
    public async Task Page_AnyPagePath_AnswersIndexWithNoCache(string path)
    {
        await using var gateway = Start();

        var response = await gateway.Client.GetAsync(path);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType?.MediaType.ShouldBe("text/html");
        response.Headers.CacheControl?.NoCache.ShouldBeTrue();
        response.Headers.GetValues("Content-Security-Policy").Single().ShouldContain("default-src 'self'");
        (await response.Content.ReadAsStringAsync()).ShouldContain(IndexMarker);
    }

    [Fact]
    public async Task Page_HashedAsset_IsImmutableForAYear()
    {
        await using var gateway = Start();

        var response = await gateway.Client.GetAsync(Asset);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Headers.CacheControl?.ToString().ShouldBe("public, max-age=31536000, immutable");
        (await response.Content.ReadAsStringAsync()).ShouldBe("console.log('built');");
    }

    [Fact]
    public async Task Page_IndexByName_IsRevalidated()
    {
        await using var gateway = Start();

        var response = await gateway.Client.GetAsync("/index.html");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Headers.CacheControl?.NoCache.ShouldBeTrue();
    }

    [Theory]
    [InlineData("/api/v1/no_such_route")]
    [InlineData("/api/v1/workflows/bactopia_species_screen/runs/r1/events")]
    [InlineData("/api")]
    [InlineData("/openapi/v2.json")]
    [InlineData("/health/nothing")]
    [InlineData("/metrics/nothing")]
    [InlineData("/docs/nothing/here")]
    [InlineData("/assets/missing-123.js")]
    [InlineData("/favicon.ico")]
    public async Task Page_ApiAndMissingFiles_StayNotFound(string path)
    {
        await using var gateway = Start();

        var response = await gateway.Client.GetAsync(path);

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await response.Content.ReadAsStringAsync()).ShouldNotContain(IndexMarker);
    }

    [Fact]
    public async Task Page_UnknownApiRoute_IsStillAProblem()
    {
        await using var gateway = Start();

        await (await gateway.Client.GetAsync("/api/v1/no_such_route")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Page_PostToPagePath_IsNotThePage()
    {
        await using var gateway = Start();

        var response = await gateway.Client.PostAsync("/workflows/x", new StringContent("{}"));

        (await response.Content.ReadAsStringAsync()).ShouldNotContain(IndexMarker);
    }

    [Fact]
    public async Task Page_ApiStillAnswers_WithThePageOn()
    {
        await using var gateway = Start();

        (await gateway.Client.GetAsync("/api/v1/workflows")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await gateway.Client.GetAsync("/openapi/v1.json")).Content.Headers.ContentType?.MediaType.ShouldBe("application/json");
        (await gateway.Client.GetAsync("/health/live")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Theory]
    [InlineData("/assets/..%2F..%2F{0}%2Fsecret.txt")]
    [InlineData("/..%2F{0}%2Fsecret.txt")]
    [InlineData("/assets/%2e%2e/%2e%2e/{0}/secret.txt")]
    public async Task Page_PathOutsideTheBuild_IsNeverServed(string template)
    {
        await using var gateway = Start();

        var response = await gateway.Client.GetAsync(string.Format(System.Globalization.CultureInfo.InvariantCulture, template, _outside.Name));

        response.StatusCode.ShouldNotBe(HttpStatusCode.InternalServerError);
        (await response.Content.ReadAsStringAsync()).ShouldNotContain("not for the browser");
    }

    [Fact]
    public async Task Page_Disabled_RootIsNotFoundAndApiUnchanged()
    {
        await using var gateway = Start(enabled: false);

        var root = await gateway.Client.GetAsync("/");
        var asset = await gateway.Client.GetAsync(Asset);

        root.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await root.Content.ReadAsStringAsync()).ShouldNotContain(IndexMarker);
        asset.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await gateway.Client.GetAsync("/api/v1/workflows")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Page_NotBuilt_RootSaysHowToBuildIt()
    {
        var empty = Directory.CreateTempSubdirectory("airgate-ui-empty-");
        try
        {
            await using var gateway = Start(path: empty.FullName);

            var response = await gateway.Client.GetAsync("/");

            response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
            response.Content.Headers.ContentType?.MediaType.ShouldBe("text/html");
            var text = await response.Content.ReadAsStringAsync();
            text.ShouldContain("not built");
            text.ShouldContain("npm run build");
            await (await gateway.Client.GetAsync("/api/v1/no_such_route")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        }
        finally
        {
            empty.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task SignIn_Development_NamesTheUserHeader()
    {
        await using var gateway = Start();

        var body = await (await gateway.Client.GetAsync("/api/v1/sign-in")).ShouldBeJsonAsync();

        body.GetProperty("mode").GetString().ShouldBe("Development");
        body.GetProperty("header").GetString().ShouldBe("X-Airgate-User");
    }

    [Fact]
    public async Task SignIn_ApiKeys_AnswersWithoutCredentialsWhileTheApiRefuses()
    {
        await using var gateway = Start(settings:
        [
            ("Airgate:Auth:Mode", "ApiKeys"),
            ("Airgate:Auth:ApiKeys:0:KeyHash", "sha256:" + new string('0', 64)),
            ("Airgate:Auth:ApiKeys:0:UserId", "ci-bot"),
        ]);

        var body = await (await gateway.Client.GetAsync("/api/v1/sign-in")).ShouldBeJsonAsync();
        var page = await gateway.Client.GetAsync("/");

        body.GetProperty("mode").GetString().ShouldBe("ApiKeys");
        body.GetProperty("header").GetString().ShouldBe("X-Api-Key");
        page.StatusCode.ShouldBe(HttpStatusCode.OK, "the page itself needs no credentials; its API calls do");
        await (await gateway.Client.GetAsync("/api/v1/workflows")).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
    }
}
