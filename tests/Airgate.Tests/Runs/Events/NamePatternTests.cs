using Airgate.Runs.Events;

namespace Airgate.Tests.Runs.Events;

public sealed class NamePatternTests
{
    public static TheoryData<string, string?, bool> Cases => new()
    {
        { "alice", "alice", true },
        { "alice", "ALICE", true },
        { "ALI%", "alice", true },
        { "%ce", "alice", true },
        { "a_ice", "alice", true },
        { "a_ice", "aice", false },
        { "%", "", true },
        { "%", null, false },
        { "al%ce%", "alice smith", true },
        { "al%ce", "alice smith", false },
        { "100\\%", "100%", true },
        { "100\\%", "1000", false },
        { "a\\_b", "a_b", true },
        { "a\\_b", "axb", false },
        { "a\\\\b", "a\\b", true },
        { "trailing\\", "trailing\\", true },
        { "%a%a%a%a%a%a%b", new string('a', 250), false },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Matches_LikeTheStore(string pattern, string? name, bool matches) =>
        NamePattern.Parse(pattern).Matches(name).ShouldBe(matches);
}
