namespace Airgate.Runs;

/// <summary>The roll-up of a run's task instances a UI shows as a progress bar and a warning light.</summary>
internal sealed record RunSummary(int Total, IReadOnlyDictionary<string, int> ByState, int Finished, double Progress, bool NeedsAttention)
{
    /// <summary>The key under which instances without a state yet are counted.</summary>
    public const string NoState = "none";

    private static readonly HashSet<string> FinishedStates = new(StringComparer.Ordinal)
    {
        "success", "failed", "skipped", "upstream_failed", "removed",
    };

    // A person should look: something failed, or is failing and being retried.
    private static readonly HashSet<string> AttentionStates = new(StringComparer.Ordinal)
    {
        "failed", "upstream_failed", "up_for_retry", "restarting",
    };

    public static RunSummary From(IEnumerable<string?> states)
    {
        var byState = new SortedDictionary<string, int>(StringComparer.Ordinal);
        int total = 0, finished = 0;
        var attention = false;
        foreach (var state in states)
        {
            var key = string.IsNullOrEmpty(state) ? NoState : state;
            byState[key] = byState.GetValueOrDefault(key) + 1;
            total++;
            finished += FinishedStates.Contains(key) ? 1 : 0;
            attention |= AttentionStates.Contains(key);
        }

        return new RunSummary(total, byState, finished, total == 0 ? 0 : (double)finished / total, attention);
    }
}
