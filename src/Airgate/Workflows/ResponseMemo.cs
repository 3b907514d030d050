using System.Collections.Concurrent;

namespace Airgate.Workflows;

/// <summary>
/// Keeps the last answer built for each catalog key with the objects it was built from (cached Airflow answers, the
/// registry snapshot). While those are the same objects the same answer is returned, so its ETag and JSON are
/// computed once per refresh rather than once per request.
/// </summary>
internal sealed class ResponseMemo
{
    private readonly ConcurrentDictionary<string, (object[] Inputs, object Answer)> _answers = new(StringComparer.Ordinal);

    public T GetOrBuild<T>(string key, object[] inputs, Func<T> build)
        where T : notnull
    {
        if (_answers.TryGetValue(key, out var memo) && memo.Answer is T answer && SameInputs(memo.Inputs, inputs))
        {
            return answer;
        }

        var built = build();
        _answers[key] = (inputs, built);
        return built;
    }

    /// <summary>Forgets answers whose key is no longer cached (bounded by the cache's own size).</summary>
    public void Trim(int maxEntries)
    {
        if (_answers.Count > maxEntries)
        {
            _answers.Clear();
        }
    }

    private static bool SameInputs(object[] a, object[] b) =>
        a.Length == b.Length && a.Zip(b).All(pair => ReferenceEquals(pair.First, pair.Second));
}
