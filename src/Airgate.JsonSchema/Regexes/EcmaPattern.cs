using System.Text.RegularExpressions;

namespace Airgate.JsonSchema.Regexes;

/// <summary>
/// One compiled ECMA-262 pattern. Most run as one linear-time match; the lookaround shapes nf-core writes (a lookahead
/// right after <c>^</c>, a lookbehind right before <c>$</c>) run as several linear-time matches combined (see
/// <see cref="AnchoredLookarounds"/>); only what is left needs the backtracking engine and its timeout.
/// </summary>
internal sealed class EcmaPattern
{
    private readonly Regex _regex;
    private readonly AnchoredCondition[] _conditions;
    private Regex? _retry;

    private EcmaPattern(Regex regex, AnchoredCondition[] conditions)
    {
        _regex = regex;
        _conditions = conditions;
    }

    /// <summary>True when no match of this pattern consults the clock, so its verdict never depends on machine load.</summary>
    public bool IsLinear => (_regex.Options & RegexOptions.NonBacktracking) != 0;

    /// <summary>The budget of one backtracking match (meaningless when <see cref="IsLinear"/>).</summary>
    public TimeSpan Timeout => _regex.MatchTimeout;

    public static EcmaPattern Linear(Regex regex) => new(regex, []);

    public static EcmaPattern Combined(Regex rest, AnchoredCondition[] conditions) => new(rest, conditions);

    public static EcmaPattern Backtracking(Regex regex) => new(regex, []);

    /// <summary>
    /// Matches the input; <paramref name="timeout"/> replaces the compiled budget for a retry. Throws
    /// <see cref="RegexMatchTimeoutException"/> only on the backtracking engine.
    /// </summary>
    public bool IsMatch(ReadOnlySpan<char> input, TimeSpan? timeout = null)
    {
        foreach (var condition in _conditions)
        {
            if (condition.Regex.IsMatch(input) != condition.MustMatch)
            {
                return false;
            }
        }

        return timeout is not { } budget || budget == _regex.MatchTimeout || IsLinear
            ? _regex.IsMatch(input)
            : RetryRegex(budget).IsMatch(input);
    }

    private Regex RetryRegex(TimeSpan budget)
    {
        var retry = Volatile.Read(ref _retry);
        if (retry is null || retry.MatchTimeout != budget)
        {
            // Compiled like the first: a retry happens when matching is slow, so the match, not the compilation, is the cost.
            retry = new Regex(_regex.ToString(), _regex.Options, budget);
            Volatile.Write(ref _retry, retry);
        }

        return retry;
    }
}
