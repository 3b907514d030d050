using System.Text.RegularExpressions;

namespace Airgate.Requests;

/// <summary>
/// Checks DAG, task and run ids before they reach an Airflow URL. DAG and task ids follow Airflow's own key rule
/// (word characters, dots, dashes; at most 250); run ids may also hold <c>:</c>, <c>+</c> and <c>~</c> as Airflow's do.
/// Ids made only of dots are refused: HTTP stacks treat <c>.</c> and <c>..</c> as path navigation.
/// </summary>
internal static partial class AirflowIds
{
    public const int MaxLength = 250;

    public static ParameterError? CheckKey(string name, string value) =>
        Check(name, value, KeyPattern(), "letters, digits, '_', '.' and '-'");

    public static ParameterError? CheckRunId(string name, string value) =>
        Check(name, value, RunIdPattern(), "letters, digits and '_', '.', '~', ':', '+', '-'");

    private static ParameterError? Check(string name, string value, Regex pattern, string allowed)
    {
        if (value.Length is 0 or > MaxLength)
        {
            return new ParameterError(name, $"must be 1 to {MaxLength} characters long");
        }

        if (!pattern.IsMatch(value) || value.All(c => c == '.'))
        {
            return new ParameterError(name, $"may contain only {allowed}, and not only dots");
        }

        return null;
    }

    [GeneratedRegex(@"^[\w.-]+$", RegexOptions.CultureInvariant)]
    private static partial Regex KeyPattern();

    [GeneratedRegex(@"^[\w.~:+-]+$", RegexOptions.CultureInvariant)]
    private static partial Regex RunIdPattern();
}
