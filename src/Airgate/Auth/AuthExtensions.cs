namespace Airgate.Auth;

internal static class AuthExtensions
{
    public static WebApplicationBuilder AddAirgateAuth(this WebApplicationBuilder builder) => builder;

    public static WebApplication UseAirgateAuth(this WebApplication app) => app;

    public static RouteGroupBuilder RequireAirgateUser(this RouteGroupBuilder group) => group;
}
