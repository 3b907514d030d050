using Microsoft.Extensions.DependencyInjection;

namespace Airgate.Auth.Tests;

public sealed class AuthOptionsValidationTests
{
    private const string Jwt = "Mode=Jwt";
    private const string Issuer = "Jwt:Issuer=https://idp.test/";
    private const string Audience = "Jwt:Audience=airgate";
    private const string Url = "Jwt:JwksUrl=https://idp.test/jwks.json";

    public static TheoryData<string[], string> BadConfigurations => new()
    {
        { [], "Airgate:Auth:Mode is not set: set it to Jwt" },
        { ["AllowDevelopmentMode=true"], "Airgate:Auth:Mode is not set" },
        { ["Mode=Development"], "only under `airgate dev` or with Airgate:Auth:AllowDevelopmentMode=true" },
        { [Jwt, Audience, Url], "Airgate:Auth:Jwt:Issuer is empty" },
        { [Jwt, Issuer, Url], "Airgate:Auth:Jwt:Audience is empty" },
        { [Jwt, Issuer, Audience], "Airgate:Auth:Jwt:JwksUrl or Airgate:Auth:Jwt:JwksFile must be set, exactly one" },
        { [Jwt, Issuer, Audience, Url, "Jwt:JwksFile=/etc/hostname"], "exactly one" },
        { [Jwt, Issuer, Audience, "Jwt:JwksUrl=http://idp.example.org/jwks.json"], "Airgate:Auth:Jwt:JwksUrl must be an absolute https:// address" },
        { [Jwt, Issuer, Audience, "Jwt:JwksUrl=idp/jwks.json"], "Airgate:Auth:Jwt:JwksUrl must be an absolute https:// address" },
        { [Jwt, Issuer, Audience, "Jwt:JwksFile=/no/such/jwks.json"], "Airgate:Auth:Jwt:JwksFile names a file that does not exist" },
        { [Jwt, Issuer, Audience, Url, "Jwt:Algorithms:0=HS256"], "Airgate:Auth:Jwt:Algorithms contains 'HS256', which is not supported" },
        { [Jwt, Issuer, Audience, Url, "Jwt:Algorithms:0=none"], "Airgate:Auth:Jwt:Algorithms contains 'none'" },
        { [Jwt, Issuer, Audience, Url, "Jwt:ClockSkew=60"], "Airgate:Auth:Jwt:ClockSkew must be between 00:00:00 and 00:05:00" },
        { [Jwt, Issuer, Audience, Url, "Jwt:UserIdClaim="], "Airgate:Auth:Jwt:UserIdClaim is empty" },
        { [Jwt, Issuer, Audience, Url, "AdminRole= "], "Airgate:Auth:AdminRole is empty" },
        { [Jwt, Issuer, Audience, Url, "Cors:AllowedOrigins:0=*"], "Airgate:Auth:Cors:AllowedOrigins:0 is '*'" },
        { [Jwt, Issuer, Audience, Url, "Cors:AllowedOrigins:0=https://app.example.org/forms"], "Airgate:Auth:Cors:AllowedOrigins:0 is 'https://app.example.org/forms', not an origin" },
        { [Jwt, Issuer, Audience, Url, "Cors:AllowedOrigins:0=https://app.example.org/"], "not an origin" },
        { [Jwt, Issuer, Audience, Url, "Cors:AllowedOrigins:0=app.example.org"], "not an origin" },
    };

    [Theory]
    [MemberData(nameof(BadConfigurations))]
    public async Task Options_BadConfiguration_FailsAtStartNamingKeyAndFix(string[] settings, string message)
    {
        var failure = await AuthTestHost.StartFailureAsync(Config(settings));

        failure.ShouldBeOfType<Microsoft.Extensions.Options.OptionsValidationException>();
        failure.Message.ShouldContain(message);
    }

    [Fact]
    public async Task Options_SeveralProblems_AreAllReportedAtOnce()
    {
        var failure = await AuthTestHost.StartFailureAsync(Config([Jwt, "Cors:AllowedOrigins:0=*"]));

        failure.Message.ShouldContain("Airgate:Auth:Jwt:Issuer is empty");
        failure.Message.ShouldContain("Airgate:Auth:Jwt:Audience is empty");
        failure.Message.ShouldContain("JwksUrl or");
        failure.Message.ShouldContain("Airgate:Auth:Cors:AllowedOrigins:0 is '*'");
    }

    [Fact]
    public async Task Options_UnknownMode_FailsAtStartNamingTheKey()
    {
        var failure = await AuthTestHost.StartFailureAsync(Config(["Mode=Oidc"]));

        failure.Message.ShouldContain("Airgate:Auth:Mode");
    }

    [Fact]
    public async Task Options_Defaults_AreSafe()
    {
        await using var host = await AuthTestHost.StartAsync(Config([Jwt, Issuer, Audience, Url]));

        var options = host.App.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<AuthOptions>>().Value;
        options.AllowDevelopmentMode.ShouldBeFalse();
        options.RunVisibility.ShouldBe(RunVisibility.All);
        options.AdminRole.ShouldBe("admin");
        options.Cors.AllowedOrigins.ShouldBeEmpty();
        options.Jwt.UserIdClaim.ShouldBe("sub");
        options.Jwt.UserNameClaim.ShouldBe("preferred_username");
        options.Jwt.RolesClaim.ShouldBe("roles");
        options.Jwt.ClockSkew.ShouldBe(TimeSpan.FromSeconds(60));
        options.Jwt.AcceptedAlgorithms().ShouldBe(["RS256", "ES256"]);
    }

    [Fact]
    public async Task Options_ConfiguredAlgorithms_ReplaceTheDefaultsRatherThanAppend()
    {
        await using var host = await AuthTestHost.StartAsync(Config([Jwt, Issuer, Audience, Url, "Jwt:Algorithms:0=ES256"]));

        var options = host.App.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<AuthOptions>>().Value;
        options.Jwt.AcceptedAlgorithms().ShouldBe(["ES256"]);
    }

    private static Dictionary<string, string?> Config(string[] settings) =>
        settings.Select(s => s.Split('=', 2)).ToDictionary(kv => $"{AuthOptions.SectionName}:{kv[0]}", kv => (string?)kv[1]);
}
