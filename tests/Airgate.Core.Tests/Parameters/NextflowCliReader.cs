using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Airgate.Core.Parameters.Tests;

/// <summary>
/// Reads a command line the way Nextflow does, written from its documented CLI rules (not its code): the shell splits
/// the words; a word <c>--name</c> without <c>=</c> takes the next word as its value whatever it is (or <c>true</c> when
/// it is the last word), <c>--name=value</c> splits at the first <c>=</c>; a value is a boolean when it is
/// <c>true</c>/<c>false</c> in any case, a number only when it looks like <c>-?\d+(\.\d+)?</c> (an int, else a long,
/// else a double), and text otherwise. Words starting with a single <c>-</c> are Nextflow's own options.
/// </summary>
internal static partial class NextflowCliReader
{
    public static Dictionary<string, object> Read(string commandLine)
    {
        var words = ShellWords(commandLine);
        var parameters = new Dictionary<string, object>(StringComparer.Ordinal);
        for (var i = 0; i < words.Count; i++)
        {
            var word = words[i];
            if (!DoubleDashName().IsMatch(word))
            {
                continue;
            }

            var equals = word.IndexOf('=', StringComparison.Ordinal);
            var (name, text) = equals >= 0
                ? (word[2..equals], word[(equals + 1)..])
                : (word[2..], i + 1 < words.Count ? words[++i] : "true");
            parameters[name] = Value(text);
        }

        return parameters;
    }

    public static object Value(string text)
    {
        if (text.Equals("true", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        if (text.Equals("false", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        if (NumberShape().IsMatch(text))
        {
            if (int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var small))
            {
                return small;
            }

            if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var large))
            {
                return large;
            }

            return double.Parse(text, CultureInfo.InvariantCulture);
        }

        return text;
    }

    /// <summary>The words /bin/sh makes of the line (the line is what a DAG pastes after <c>nextflow run</c>).</summary>
    private static List<string> ShellWords(string commandLine)
    {
        using var shell = Process.Start(new ProcessStartInfo("/bin/sh")
        {
            ArgumentList = { "-c", "eval \"set -- $1\"; for w in \"$@\"; do printf '%s\\0' \"$w\"; done", "sh", commandLine },
            RedirectStandardOutput = true,
        }) ?? throw new InvalidOperationException("no shell");
        var output = shell.StandardOutput.ReadToEnd();
        shell.WaitForExit();
        shell.ExitCode.ShouldBe(0, $"the shell could not read: {commandLine}");
        return [.. output.Split('\0').SkipLast(1)];
    }

    [GeneratedRegex(@"^--[a-zA-Z\d]")]
    private static partial Regex DoubleDashName();

    [GeneratedRegex(@"^-?\d+(\.\d+)?$")]
    private static partial Regex NumberShape();
}
