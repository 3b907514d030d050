using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Airgate.Auth.Tests;

public sealed class RunAccessTests
{
    public static TheoryData<string, string, bool, string?, bool, bool> Matrix => new()
    {
        // visibility, user, admin, owner, can see, can stop
        { "All", "alice", false, "alice", true, true },
        { "All", "alice", false, "bob", true, false },
        { "All", "alice", false, null, true, false },
        { "All", "root", true, "bob", true, true },
        { "All", "root", true, null, true, true },
        { "Own", "alice", false, "alice", true, true },
        { "Own", "alice", false, "bob", false, false },
        { "Own", "alice", false, "Alice", false, false },
        { "Own", "alice", false, null, false, false },
        { "Own", "root", true, "bob", true, true },
        { "Own", "root", true, null, true, true },
    };

    [Theory]
    [MemberData(nameof(Matrix))]
    public void RunAccess_UserAndOwner_DecidesSeeAndStop(string visibility, string userId, bool isAdmin, string? ownerId, bool canSee, bool canStop)
    {
        var access = new RunAccess(Options.Create(new AuthOptions { RunVisibility = Enum.Parse<RunVisibility>(visibility) }));
        var user = new AirgateUser(userId, userId, isAdmin ? ["admin"] : [], isAdmin);

        access.CanSee(user, ownerId).ShouldBe(canSee);
        access.CanStop(user, ownerId).ShouldBe(canStop);
    }

    public static TheoryData<string, bool, string?> ListFilters => new()
    {
        // visibility, admin, owner filter for alice's listing
        { "All", false, null },
        { "All", true, null },
        { "Own", false, "alice" },
        { "Own", true, null },
    };

    [Theory]
    [MemberData(nameof(ListFilters))]
    public void RunAccess_Listing_IsFilteredToTheOwnerOnlyUnderOwnForNonAdmins(string visibility, bool isAdmin, string? filter)
    {
        var access = new RunAccess(Options.Create(new AuthOptions { RunVisibility = Enum.Parse<RunVisibility>(visibility) }));

        access.ListOwnerFilter(new AirgateUser("alice", "Alice", [], isAdmin)).ShouldBe(filter);
    }

    [Fact]
    public async Task RunAccess_OwnVisibilityFromConfiguration_IsTheServiceHandlersGet()
    {
        await using var host = await AuthTestHost.StartAsync(new Dictionary<string, string?>
        {
            ["Airgate:Auth:Mode"] = "Development",
            ["Airgate:Auth:AllowDevelopmentMode"] = "true",
            ["Airgate:Auth:RunVisibility"] = "Own",
        });

        var access = host.App.Services.GetRequiredService<RunAccess>();

        access.Visibility.ShouldBe(RunVisibility.Own);
        access.CanSee(new AirgateUser("alice", "alice", [], false), "bob").ShouldBeFalse();
    }
}
