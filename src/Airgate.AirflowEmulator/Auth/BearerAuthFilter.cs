using Airgate.AirflowEmulator.Http;

namespace Airgate.AirflowEmulator.Auth;

/// <summary>Airflow's JWT check on <c>/api/v2</c>: 401 when missing or expired, 403 when the token is unknown.</summary>
internal sealed class BearerAuthFilter(TokenIssuer tokens) : IEndpointFilter
{
    public const string UserItem = "airgate.emulator.user";

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        // A request /api/v1 mapped here was already authenticated there, with basic auth.
        // So was one that came through the emulated MWAA, which maps the IAM principal to an Airflow role itself.
        if (context.HttpContext.Items.ContainsKey(V1.V1Layer.AuthenticatedItem) || context.HttpContext.Items.ContainsKey(Mwaa.MwaaLayer.AuthenticatedItem))
        {
            return await next(context);
        }

        var header = context.HttpContext.Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) || header.Length <= "Bearer ".Length)
        {
            return AirflowResults.Detail(StatusCodes.Status401Unauthorized, "Not authenticated");
        }

        var check = tokens.Check(header["Bearer ".Length..].Trim());
        switch (check.Status)
        {
            case TokenStatus.Expired:
                return AirflowResults.Detail(StatusCodes.Status401Unauthorized, "Token Expired");
            case TokenStatus.Invalid:
                return AirflowResults.Detail(StatusCodes.Status403Forbidden, "Invalid JWT token");
            default:
                context.HttpContext.Items[UserItem] = check.Username;
                return await next(context);
        }
    }

    public static string UserOf(HttpContext context) => context.Items[UserItem] as string ?? "anonymous";
}
