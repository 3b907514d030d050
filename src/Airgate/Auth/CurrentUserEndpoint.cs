using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.OpenApi;

namespace Airgate.Auth;

/// <summary><c>GET /api/v1/me</c>: the signed-in caller, so a UI can say who it acts as.</summary>
internal static class CurrentUserEndpoint
{
    public static IEndpointRouteBuilder MapCurrentUser(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/me", GetCurrentUser).WithName("GetCurrentUser").WithTags("Service")
            .WithSummary("Who the caller is: user id, name and roles.")
            .WithDescription("The user the credential of this request signs in as (in Development mode, the X-Airgate-User header, else dev), with the roles Airgate sees and whether they include the admin role.")
            .AddOpenApiOperationTransformer((operation, _, _) =>
            {
                if (operation.Responses?.TryGetValue("200", out var ok) == true && ok.Content?.TryGetValue("application/json", out var body) == true)
                {
                    body.Example = JsonNode.Parse("""{"id": "alice", "name": "Alice Moreau", "roles": ["scientist"], "is_admin": false}""");
                }

                return Task.CompletedTask;
            });
        return routes;
    }

    internal static Ok<CurrentUserResponse> GetCurrentUser(AirgateUser user) =>
        TypedResults.Ok(new CurrentUserResponse(user.Id, user.Name, user.Roles, user.IsAdmin));
}
