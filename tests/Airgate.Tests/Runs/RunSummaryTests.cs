using Airgate.Runs;

namespace Airgate.Tests.Runs;

public sealed class RunSummaryTests
{
    public static TheoryData<string?[], int, double, bool> Cases => new()
    {
        { [], 0, 0, false },
        { ["success", "success"], 2, 1, false },
        { ["success", "running", null, "queued"], 1, 0.25, false },
        { ["failed", "upstream_failed", "success"], 3, 1, true },
        { ["up_for_retry", "success"], 1, 0.5, true },
        { ["skipped", "removed", "scheduled", "deferred"], 2, 0.5, false },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void From_States_CountsFinishedProgressAndAttention(string?[] states, int finished, double progress, bool attention)
    {
        var summary = RunSummary.From(states);

        summary.Total.ShouldBe(states.Length);
        summary.Finished.ShouldBe(finished);
        summary.Progress.ShouldBe(progress);
        summary.NeedsAttention.ShouldBe(attention);
        summary.ByState.Values.Sum().ShouldBe(states.Length);
    }

    [Fact]
    public void From_InstanceWithoutState_CountedUnderNone()
    {
        RunSummary.From([null, null, "running"]).ByState.ShouldBe(new Dictionary<string, int> { ["none"] = 2, ["running"] = 1 }, ignoreOrder: true);
    }
}
