using System.Text.RegularExpressions;
using Airgate.JsonSchema.Evaluation;

namespace Airgate.JsonSchema.Keywords;

/// <summary>Runs a compiled pattern under its timeout; a timeout becomes an error, never an exception.</summary>
internal static class RegexMatch
{
    public static bool IsMatch(Evaluator evaluator, Keyword keyword, Regex regex, ReadOnlySpan<char> input, out bool timedOut)
    {
        try
        {
            timedOut = false;
            return regex.IsMatch(input);
        }
        catch (RegexMatchTimeoutException)
        {
            timedOut = true;
            if (evaluator.Collecting)
            {
                evaluator.AddError(keyword, $"the pattern took longer than {regex.MatchTimeout.TotalMilliseconds} ms to match, so the value is rejected");
            }

            return false;
        }
    }
}
