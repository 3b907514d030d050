using Airgate.Auth;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Airgate.Launchpad;

/// <summary>Registers the launchpad (the web page at <c>/</c>) and the anonymous <c>GET /api/v1/sign-in</c> it starts from.</summary>
internal static class LaunchpadSetup
{
    public const string SignInPath = "/api/v1/sign-in";

    public static WebApplicationBuilder AddLaunchpad(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<LaunchpadOptions>().BindConfiguration(LaunchpadOptions.SectionName).ValidateOnStart();
        return builder;
    }

    public static WebApplication MapLaunchpad(this WebApplication app)
    {
        // Outside the signed-in group on purpose: a page must know how to sign in before it can.
        app.MapGet(SignInPath, SignIn).WithName("GetSignIn").WithTags("Service").AllowAnonymous()
            .WithSummary("How to sign in to this deployment: the auth mode and the header that carries the credential (anonymous).");

        var options = app.Services.GetRequiredService<IOptions<LaunchpadOptions>>().Value;
        if (options.Enabled)
        {
            LaunchpadFiles.Use(app, options.Root);
        }

        return app;
    }

    internal static Ok<SignInResponse> SignIn(IOptions<AuthOptions> auth) => TypedResults.Ok(auth.Value.Mode switch
    {
        AuthMode.Development => new SignInResponse(nameof(AuthMode.Development), DevelopmentAuthenticationHandler.UserHeader),
        AuthMode.ApiKeys => new SignInResponse(nameof(AuthMode.ApiKeys), ApiKeyAuthenticationHandler.KeyHeader),
        _ => new SignInResponse(nameof(AuthMode.Jwt), "Authorization"),
    });
}
