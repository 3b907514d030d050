using System.Globalization;
using System.Text.RegularExpressions;
using Airgate.JsonSchema.Evaluation;
using Airgate.JsonSchema.Regexes;

namespace Airgate.JsonSchema.Keywords;

/// <summary>
/// Runs a compiled pattern under the evaluation's budget. A timeout is neither a match nor a failure of the value: it
/// marks the evaluation undetermined (and fails it, closed), never throws.
/// </summary>
internal static class RegexMatch
{
    public static bool IsMatch(Evaluator evaluator, Keyword? keyword, EcmaPattern pattern, ReadOnlySpan<char> input, out bool timedOut)
    {
        try
        {
            timedOut = false;
            return pattern.IsMatch(input, evaluator.RegexTimeout);
        }
        catch (RegexMatchTimeoutException)
        {
            timedOut = true;
            evaluator.MarkUndetermined();
            if (keyword is not null && evaluator.Collecting)
            {
                var budget = (evaluator.RegexTimeout ?? pattern.Timeout).TotalMilliseconds.ToString("0.###", CultureInfo.InvariantCulture);
                evaluator.AddError(keyword.Name, keyword.AbsoluteLocation, $"could not be checked: the pattern did not finish matching within {budget} ms (the machine may be busy), so the value is neither accepted nor rejected", keywordSuffix: true);
            }

            return false;
        }
    }
}
