namespace Airgate.Auth;

/// <summary>Authentication scheme and policy names; the default scheme follows <c>Airgate:Auth:Mode</c>.</summary>
internal static class AuthSchemes
{
    public const string Development = "AirgateDevelopment";
    public const string ApiKeys = "AirgateApiKeys";
    public const string Jwt = "AirgateJwt";

    /// <summary>Any signed-in user (the whole <c>/api/v1</c> group).</summary>
    public const string UserPolicy = "AirgateUser";

    /// <summary>Users holding <c>Airgate:Auth:AdminRole</c>.</summary>
    public const string AdminPolicy = "AirgateAdmin";

    public const string CorsPolicy = "AirgateCors";

    public static string For(AuthMode? mode) => mode switch
    {
        AuthMode.Development => Development,
        AuthMode.ApiKeys => ApiKeys,
        // Unset mode fails validation at start; Jwt refuses everything meanwhile, the safe side.
        _ => Jwt,
    };
}
