using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Airgate.Core.Registry;

namespace Airgate.Pipelines;

/// <summary>
/// Answers built from one registry snapshot, kept while the snapshot lives: the same object per key until the registry
/// reloads, so the ETag filter serialises each answer once, and a 304 serialises nothing.
/// </summary>
internal static class SnapshotAnswers
{
    // Keys include client-chosen paging; past this many per snapshot answers are built but not kept.
    private const int MaxAnswersPerSnapshot = 1000;
    private static readonly ConditionalWeakTable<RegistrySnapshot, ConcurrentDictionary<string, object>> Answers = new();

    public static T For<T>(RegistrySnapshot snapshot, string key, Func<T> build)
        where T : notnull
    {
        var answers = Answers.GetValue(snapshot, _ => new ConcurrentDictionary<string, object>(StringComparer.Ordinal));
        if (answers.TryGetValue(key, out var kept) && kept is T answer)
        {
            return answer;
        }

        var built = build();
        if (answers.Count < MaxAnswersPerSnapshot)
        {
            answers[key] = built;
        }

        return built;
    }
}
