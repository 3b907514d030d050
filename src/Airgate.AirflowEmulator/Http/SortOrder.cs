namespace Airgate.AirflowEmulator.Http;

/// <summary>
/// Airflow's multi-key <c>order_by</c> (a <c>-</c> prefix sorts descending), over the allowed keys only;
/// nulls sort last ascending and first descending, as in PostgreSQL.
/// </summary>
internal static class SortOrder
{
    public static string DisallowedMessage(string key) =>
        $"Ordering with '{key}' is disallowed or the attribute does not exist on the model";

    /// <summary>Builds the comparison, or returns the first key that is not allowed.</summary>
    public static Comparison<T>? Build<T>(
        IReadOnlyList<string> orderBy,
        IReadOnlyList<string> defaults,
        IReadOnlyDictionary<string, Func<T, IComparable?>> keys,
        Func<T, IComparable> tieBreak,
        out string? disallowed)
    {
        disallowed = null;
        var criteria = new List<(Func<T, IComparable?> Key, bool Descending)>();
        foreach (var raw in orderBy.Count > 0 ? orderBy : defaults)
        {
            var descending = raw.StartsWith('-');
            var name = raw.TrimStart('-');
            if (!keys.TryGetValue(name, out var key))
            {
                disallowed = raw.TrimStart('-');
                return null;
            }

            criteria.Add((key, descending));
        }

        return (a, b) =>
        {
            foreach (var (key, descending) in criteria)
            {
                var result = CompareNullable(key(a), key(b));
                if (result != 0)
                {
                    return descending ? -result : result;
                }
            }

            return tieBreak(a).CompareTo(tieBreak(b));
        };
    }

    private static int CompareNullable(IComparable? a, IComparable? b) => (a, b) switch
    {
        (null, null) => 0,
        (null, _) => 1,
        (_, null) => -1,
        _ when a is string sa && b is string sb => string.CompareOrdinal(sa, sb),
        _ => a.CompareTo(b),
    };
}
