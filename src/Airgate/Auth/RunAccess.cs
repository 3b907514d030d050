using Microsoft.Extensions.Options;

namespace Airgate.Auth;

/// <summary>
/// Who may see and stop which run (SPEC 4.2, 5). A run the caller may not see must be answered
/// exactly like a run that does not exist (404), so its existence does not leak.
/// </summary>
internal sealed class RunAccess(IOptions<AuthOptions> options)
{
    private readonly RunVisibility _visibility = options.Value.RunVisibility;

    public RunVisibility Visibility => _visibility;

    /// <summary>True when the user may read the run; <paramref name="ownerId"/> is null for runs Airgate has no record of.</summary>
    public bool CanSee(AirgateUser user, string? ownerId) =>
        _visibility == RunVisibility.All || IsOwnerOrAdmin(user, ownerId);

    /// <summary>
    /// The owner a run listing must be restricted to (in the query, so totals stay exact), or null when the
    /// user may list everyone's runs.
    /// </summary>
    public string? ListOwnerFilter(AirgateUser user) =>
        _visibility == RunVisibility.Own && !user.IsAdmin ? user.Id : null;

    /// <summary>True when the user may stop or finish the run: its owner or an admin.</summary>
#pragma warning disable CA1822 // An instance member like CanSee, so handlers ask one injected service both questions.
    public bool CanStop(AirgateUser user, string? ownerId) => IsOwnerOrAdmin(user, ownerId);
#pragma warning restore CA1822

    private static bool IsOwnerOrAdmin(AirgateUser user, string? ownerId) =>
        user.IsAdmin || (ownerId is not null && string.Equals(user.Id, ownerId, StringComparison.Ordinal));
}
