namespace Airgate.JsonSchema.Regexes;

/// <summary>
/// Takes the lookarounds whose position is fixed out of an ECMA-262 pattern: lookaheads right after a leading <c>^</c>
/// (always at position 0) and lookbehinds right before a trailing <c>$</c> (always at the end). Each then only asks
/// whether its body matches a prefix (<c>^(?:B)</c>) or a suffix (<c>(?:B)$</c>) of the whole input, and the rest of
/// the pattern, with the lookarounds removed, must match as before: so <c>^((a|b)?,?)*(?&lt;!,)$</c> is
/// <c>^((a|b)?,?)*$</c> and not <c>(?:,)$</c>, and <c>^(?!B)A</c> is <c>^A</c> and not <c>^(?:B)</c>, every part a
/// linear-time match. A pattern with a top-level alternative, or a lookaround anywhere else, is left whole.
/// </summary>
internal static class AnchoredLookarounds
{
    /// <summary>A lookaround taken out: its ECMA-262 body, whether it is negative, and whether it sits at the start.</summary>
    public readonly record struct Lookaround(string Body, bool Negative, bool AtStart);

    /// <summary>Splits the pattern, or answers false when it has no lookaround at a fixed position.</summary>
    public static bool TrySplit(string pattern, out string rest, out List<Lookaround> lookarounds)
    {
        rest = pattern;
        lookarounds = [];
        if (!TryTopLevelItems(pattern, out var items) || items.Count == 0)
        {
            return false;
        }

        var removed = new bool[items.Count];
        var first = 0;
        if (items[0].Text(pattern) == "^")
        {
            for (first = 1; first < items.Count && items[first].IsLookahead(pattern); first++)
            {
                lookarounds.Add(new(items[first].Body(pattern), items[first].IsNegative(pattern), AtStart: true));
                removed[first] = true;
            }
        }

        if (items[^1].Text(pattern) == "$")
        {
            for (var last = items.Count - 2; last >= first && items[last].IsLookbehind(pattern); last--)
            {
                lookarounds.Add(new(items[last].Body(pattern), items[last].IsNegative(pattern), AtStart: false));
                removed[last] = true;
            }
        }

        if (lookarounds.Count == 0)
        {
            return false;
        }

        var builder = new System.Text.StringBuilder(pattern.Length);
        for (var i = 0; i < items.Count; i++)
        {
            if (!removed[i])
            {
                builder.Append(pattern, items[i].Start, items[i].End - items[i].Start);
            }
        }

        rest = builder.ToString();
        return true;
    }

    /// <summary>
    /// The pattern's top-level items (an atom with its quantifier), or false when it has a top-level <c>|</c> (a
    /// lookaround would then bind to one alternative only) or is malformed (the translation reports that).
    /// </summary>
    private static bool TryTopLevelItems(string pattern, out List<Item> items)
    {
        items = [];
        var i = 0;
        while (i < pattern.Length)
        {
            var start = i;
            var c = pattern[i];
            if (c == '|')
            {
                return false;
            }

            if (c == '\\')
            {
                i = Math.Min(i + 2, pattern.Length);
            }
            else if (c == '[')
            {
                if ((i = SkipClass(pattern, i)) < 0)
                {
                    return false;
                }
            }
            else if (c == '(')
            {
                if ((i = SkipGroup(pattern, i)) < 0)
                {
                    return false;
                }
            }
            else if (c == ')')
            {
                return false;
            }
            else
            {
                i += char.IsHighSurrogate(c) && i + 1 < pattern.Length && char.IsLowSurrogate(pattern[i + 1]) ? 2 : 1;
            }

            var atomEnd = i;
            i = SkipQuantifier(pattern, i);
            items.Add(new Item(start, atomEnd, i));
        }

        return true;
    }

    /// <summary>The index just past the class that opens at <paramref name="open"/> (ECMA-262: the first unescaped <c>]</c> closes it, so <c>[]</c> is empty), or -1.</summary>
    private static int SkipClass(string pattern, int open)
    {
        for (var i = open + 1; i < pattern.Length; i++)
        {
            if (pattern[i] == '\\')
            {
                i++;
            }
            else if (pattern[i] == ']')
            {
                return i + 1;
            }
        }

        return -1;
    }

    /// <summary>The index just past the group that opens at <paramref name="open"/>, or -1 when it is not closed.</summary>
    private static int SkipGroup(string pattern, int open)
    {
        var depth = 0;
        for (var i = open; i < pattern.Length; i++)
        {
            switch (pattern[i])
            {
                case '\\':
                    i++;
                    break;
                case '[':
                    var end = SkipClass(pattern, i);
                    if (end < 0)
                    {
                        return -1;
                    }

                    i = end - 1;
                    break;
                case '(':
                    depth++;
                    break;
                case ')' when --depth == 0:
                    return i + 1;
            }
        }

        return -1;
    }

    private static int SkipQuantifier(string pattern, int i)
    {
        if (i >= pattern.Length)
        {
            return i;
        }

        if (pattern[i] is '*' or '+' or '?')
        {
            i++;
        }
        else if (pattern[i] == '{' && pattern.IndexOf('}', i) is var close and > 0 && IsBraceQuantifier(pattern.AsSpan(i + 1, close - i - 1)))
        {
            i = close + 1;
        }
        else
        {
            return i;
        }

        // A lazy quantifier.
        return i < pattern.Length && pattern[i] == '?' ? i + 1 : i;
    }

    private static bool IsBraceQuantifier(ReadOnlySpan<char> inside)
    {
        var comma = inside.IndexOf(',');
        var min = comma < 0 ? inside : inside[..comma];
        return min.Length > 0 && !min.ContainsAnyExceptInRange('0', '9') && (comma < 0 || !inside[(comma + 1)..].ContainsAnyExceptInRange('0', '9'));
    }

    /// <summary>One top-level atom (<see cref="Start"/> to <see cref="AtomEnd"/>) and its quantifier (to <see cref="End"/>).</summary>
    private readonly record struct Item(int Start, int AtomEnd, int End)
    {
        public string Text(string pattern) => pattern[Start..End];

        public bool IsLookahead(string pattern) => IsGroup(pattern, "(?=") || IsGroup(pattern, "(?!");

        public bool IsLookbehind(string pattern) => IsGroup(pattern, "(?<=") || IsGroup(pattern, "(?<!");

        public bool IsNegative(string pattern) => pattern[Start + 2] == '!' || (pattern[Start + 2] == '<' && pattern[Start + 3] == '!');

        public string Body(string pattern)
        {
            var open = pattern[Start + 2] == '<' ? 4 : 3;
            return pattern[(Start + open)..(AtomEnd - 1)];
        }

        // An unquantified group only: a quantified lookahead (Annex B allows "(?=a)*") is left to the backtracking engine.
        private bool IsGroup(string pattern, string opening) =>
            End == AtomEnd && pattern.AsSpan(Start, AtomEnd - Start).StartsWith(opening, StringComparison.Ordinal);
    }
}
