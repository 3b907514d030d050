using System.ComponentModel;

namespace Airgate.Auth;

/// <summary>Who the caller is, as Airgate sees them: what a UI shows in its header.</summary>
internal sealed record CurrentUserResponse(
    [property: Description("The user id runs are recorded under.")] string Id,
    [property: Description("The display name.")] string Name,
    [property: Description("The caller's roles.")] IReadOnlyList<string> Roles,
    [property: Description("Whether the caller has the admin role (may stop anyone's run).")] bool IsAdmin);
