using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using AspNetCoreCorsOptions = Microsoft.AspNetCore.Cors.Infrastructure.CorsOptions;

namespace Airgate.Auth;

/// <summary>Identity and access (SPEC section 5): the mode's authentication scheme, the user policy and CORS.</summary>
internal static class AuthExtensions
{
    public static WebApplicationBuilder AddAirgateAuth(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<AuthOptions>().BindConfiguration(AuthOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<AuthOptions>, AuthOptionsValidator>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<RunAccess>();
        services.AddSingleton<ApiKeyStore>();
        services.AddSingleton<JwksKeySource>();
        services.AddSingleton<JwtBearerSetup>();
        services.AddOptions<JwtBearerOptions>(AuthSchemes.Jwt).Configure<JwtBearerSetup>((options, setup) => setup.Configure(options));

        services.AddHttpClient(JwksKeySource.HttpClientName, client => client.Timeout = TimeSpan.FromSeconds(10))
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler
            {
                AllowAutoRedirect = false,
                UseCookies = false,
                ConnectTimeout = TimeSpan.FromSeconds(5),
                PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            });

        services.AddAuthentication()
            .AddScheme<AuthenticationSchemeOptions, DevelopmentAuthenticationHandler>(AuthSchemes.Development, null)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(AuthSchemes.ApiKeys, null)
            .AddJwtBearer(AuthSchemes.Jwt);
        // The mode picks the default scheme; the other two are never asked.
        services.AddOptions<AuthenticationOptions>().Configure<IOptions<AuthOptions>>((authentication, auth) =>
        {
            var scheme = AuthSchemes.For(auth.Value.Mode);
            authentication.DefaultScheme = scheme;
            authentication.DefaultChallengeScheme = scheme;
            authentication.DefaultForbidScheme = scheme;
        });

        services.AddAuthorizationBuilder()
            .AddPolicy(AuthSchemes.UserPolicy, policy => policy.RequireAuthenticatedUser().RequireClaim(ClaimTypes.NameIdentifier))
            .AddPolicy(AuthSchemes.AdminPolicy, policy => policy.RequireAuthenticatedUser().RequireAssertion(
                context => context.Resource is HttpContext http && http.GetAirgateUser() is { IsAdmin: true }));

        services.AddCors();
        services.AddOptions<AspNetCoreCorsOptions>().Configure<IOptions<AuthOptions>>((cors, auth) =>
            cors.AddPolicy(AuthSchemes.CorsPolicy, policy => policy
                .SetIsOriginAllowed(origin => IsAllowedOrigin(auth.Value.Cors, origin))
                .WithMethods(HttpMethods.Get, HttpMethods.Post, HttpMethods.Patch)
                .WithHeaders("Authorization", "Content-Type", "Idempotency-Key", "If-None-Match", DevelopmentAuthenticationHandler.UserHeader, DevelopmentAuthenticationHandler.RolesHeader, ApiKeyAuthenticationHandler.KeyHeader)
                .WithExposedHeaders("Location", "Retry-After", "WWW-Authenticate", "ETag", "Idempotent-Replayed")
                .SetPreflightMaxAge(TimeSpan.FromMinutes(10))));
        return builder;
    }

    /// <summary>Configured origins match exactly (case-insensitively); loopback dev origins only over http, on any port.</summary>
    internal static bool IsAllowedOrigin(CorsOptions cors, string origin)
    {
        if (cors.AllowedOrigins.Contains(origin, StringComparer.OrdinalIgnoreCase))
        {
            return true;
        }

        return cors.AllowLoopbackOrigins
            && Uri.TryCreate(origin, UriKind.Absolute, out var uri)
            && uri.Scheme == Uri.UriSchemeHttp
            && uri.Host is "localhost" or "127.0.0.1"
            && uri.AbsolutePath == "/"
            && string.IsNullOrEmpty(uri.UserInfo)
            && string.Equals(origin.TrimEnd('/'), $"http://{uri.Authority}", StringComparison.OrdinalIgnoreCase);
    }

    public static WebApplication UseAirgateAuth(this WebApplication app)
    {
        // Read after start, when the options have passed validation.
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            if (app.Services.GetRequiredService<IOptions<AuthOptions>>().Value.Mode == AuthMode.Development)
            {
                AuthLog.DevelopmentModeActive(app.Logger);
            }
        });

        // CORS first so preflights are answered before authentication and even 401s carry CORS headers.
        app.UseCors();
        app.UseAuthentication();
        app.UseAuthorization();
        return app;
    }

    /// <summary>Every endpoint of the group needs a signed-in user and answers browsers from the configured origins.</summary>
    public static RouteGroupBuilder RequireAirgateUser(this RouteGroupBuilder group) =>
        group.RequireAuthorization(AuthSchemes.UserPolicy).RequireCors(AuthSchemes.CorsPolicy);
}
