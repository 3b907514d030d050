using Airgate.JsonSchema.Suite;

namespace Airgate.JsonSchema.Tests.Suite;

public sealed class OfficialSuiteTests
{
    [Theory]
    [SuiteCaseData(skipped: false)]
    public void SuiteCase_Evaluated_MatchesExpectedValidity(string id)
    {
        var suiteCase = SuiteCases.All[id];
        var outcome = TestSuite.Run(suiteCase, TestSuite.OptionsFor(suiteCase, SuiteCases.Remotes, SuiteCases.DialectOf(id)));
        outcome.Passed.ShouldBeTrue(outcome.Detail);
    }

    [Theory(Skip = "Listed in Suite/skipped.json; the second argument is the reason.")]
    [SuiteCaseData(skipped: true)]
    public void SuiteCase_ListedAsSkipped_IsNotRun(string id, string reason)
    {
        id.ShouldNotBeEmpty();
        reason.ShouldNotBeEmpty();
    }

    [Fact]
    public void Suite_Loaded_HoldsAtLeastTheKnownNumberOfRequiredCases()
    {
        var required = SuiteCases.All.Keys.Where(id => !SuiteCases.WithinDraft(id).StartsWith("optional/", StringComparison.Ordinal)).ToList();
        required.Count(id => SuiteCases.DialectOf(id) is null).ShouldBeGreaterThanOrEqualTo(1200);
        required.Count(id => id.StartsWith("draft7/", StringComparison.Ordinal)).ShouldBeGreaterThanOrEqualTo(800);
        required.Count(id => id.StartsWith("draft2019-09/", StringComparison.Ordinal)).ShouldBeGreaterThanOrEqualTo(1100);
        SuiteCases.All.Count.ShouldBeGreaterThan(required.Count);
    }

    [Fact]
    public void SkipList_Entries_EachNameExistingCasesAndGiveAReason()
    {
        foreach (var (key, reason) in SuiteCases.SkipList)
        {
            reason.ShouldNotBeNullOrWhiteSpace($"skip entry '{key}' has no reason");
            SuiteCases.All.Keys.Any(id => id == key || (key.EndsWith('/') && id.StartsWith(key, StringComparison.Ordinal)))
                .ShouldBeTrue($"skip entry '{key}' matches no suite case");
        }
    }

    [Fact]
    public void SkipList_RequiredCases_AreNeverSkipped() =>
        SuiteCases.SkipList.Keys.ShouldAllBe(key => SuiteCases.WithinDraft(key).StartsWith("optional/", StringComparison.Ordinal));
}
