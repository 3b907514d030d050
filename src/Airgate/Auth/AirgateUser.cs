using System.Security.Claims;
using Microsoft.Extensions.Options;

namespace Airgate.Auth;

/// <summary>The signed-in caller, as endpoint handlers see it: declare a parameter of this type.</summary>
internal sealed record AirgateUser(string Id, string Name, IReadOnlyList<string> Roles, bool IsAdmin)
{
    private static readonly object ItemKey = new();

    /// <summary>Minimal API binding; null (and so a 401 from the group's policy before we get here) when nobody is signed in.</summary>
    public static ValueTask<AirgateUser?> BindAsync(HttpContext context) => ValueTask.FromResult(context.GetAirgateUser());

    /// <summary>The user from an authenticated principal, or null when it carries no user id.</summary>
    public static AirgateUser? FromPrincipal(ClaimsPrincipal principal, string adminRole)
    {
        if (principal.Identity is not { IsAuthenticated: true })
        {
            return null;
        }

        var id = principal.FindFirst(ClaimTypes.NameIdentifier)?.Value;
        if (string.IsNullOrEmpty(id))
        {
            return null;
        }

        var name = principal.FindFirst(ClaimTypes.Name)?.Value;
        var roles = principal.FindAll(ClaimTypes.Role).Select(c => c.Value).Distinct(StringComparer.Ordinal).ToArray();
        return new AirgateUser(id, string.IsNullOrEmpty(name) ? id : name, roles, roles.Contains(adminRole, StringComparer.Ordinal));
    }

    internal static AirgateUser? FromContext(HttpContext context)
    {
        if (context.Items.TryGetValue(ItemKey, out var cached) && cached is AirgateUser user)
        {
            return user;
        }

        var adminRole = context.RequestServices.GetRequiredService<IOptions<AuthOptions>>().Value.AdminRole;
        var built = FromPrincipal(context.User, adminRole);
        if (built is not null)
        {
            context.Items[ItemKey] = built;
        }

        return built;
    }
}
