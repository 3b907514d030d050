namespace Airgate.Runs.Events;

/// <summary>
/// The listing's <c>user_name_pattern</c> (SQL LIKE: <c>%</c>, <c>_</c>, <c>\</c> escapes, case-insensitive) matched in
/// memory, with the store's rules (a trailing lone <c>\</c> is literal), so a stream keeps exactly the runs the listing shows.
/// </summary>
internal sealed class NamePattern
{
    // Tokens are characters, or these two wildcards (outside the char range, so no character can pass for one).
    private const int Any = -1;
    private const int One = -2;
    private readonly int[] _tokens;

    private NamePattern(int[] tokens) => _tokens = tokens;

    public static NamePattern Parse(string pattern)
    {
        var tokens = new List<int>(pattern.Length);
        var folded = pattern.ToLowerInvariant();
        for (var i = 0; i < folded.Length; i++)
        {
            var c = folded[i];
            if (c == '\\')
            {
                tokens.Add(i + 1 < folded.Length ? folded[++i] : '\\');
                continue;
            }

            tokens.Add(c switch { '%' => Any, '_' => One, _ => c });
        }

        return new NamePattern([.. tokens]);
    }

    /// <summary>Wildcard matching with one backtrack point: linear in practice, at worst name × pattern (both at most 250).</summary>
    public bool Matches(string? name)
    {
        if (name is null)
        {
            return false;
        }

        var text = name.ToLowerInvariant();
        int t = 0, p = 0, star = -1, resume = 0;
        while (t < text.Length)
        {
            if (p < _tokens.Length && (_tokens[p] == One || (_tokens[p] != Any && _tokens[p] == text[t])))
            {
                (t, p) = (t + 1, p + 1);
            }
            else if (p < _tokens.Length && _tokens[p] == Any)
            {
                (star, resume) = (p++, t);
            }
            else if (star >= 0)
            {
                (p, t) = (star + 1, ++resume);
            }
            else
            {
                return false;
            }
        }

        while (p < _tokens.Length && _tokens[p] == Any)
        {
            p++;
        }

        return p == _tokens.Length;
    }
}
