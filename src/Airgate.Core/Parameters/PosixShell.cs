using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Airgate.Core.Parameters;

/// <summary>
/// Renders parameters as one POSIX-shell command-line string (SPEC 4.2): <c>--key value</c> per property in order, where
/// a name that already starts with <c>-</c> is written as it is (<c>-profile aws</c>, <c>--bactopia s3://x</c>) as
/// Nextflow expects; <c>true</c> as a bare flag, <c>false</c> as <c>--key false</c> (which Nextflow reads as the
/// boolean, so a user's false is not lost to a default of true), <c>null</c> omitted; strings and numbers as their
/// text; arrays and objects as compact JSON. Every word that is not made only of safe characters is single-quoted, a single quote written
/// <c>'\''</c>, so <c>$</c>, backticks, spaces, newlines and non-ASCII text reach the program unchanged.
/// </summary>
public static class PosixShell
{
    // The JSON goes to a program through a shell, not into HTML: keep quotes and non-ASCII text as they are.
    private static readonly JsonSerializerOptions Relaxed = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The options as one shell string; with <paramref name="nextflow"/>, <c>true</c> is written out (Nextflow's <c>--name</c> takes the next word as its value) and numbers have no exponent (see <see cref="NextflowCommandLine"/>).</summary>
    public static string Render(JsonObject options, bool nextflow = false)
    {
        ArgumentNullException.ThrowIfNull(options);
        var words = new List<string>();
        foreach (var (key, value) in options)
        {
            var flag = Quote(key.StartsWith('-') ? key : "--" + key);
            switch (value)
            {
                case null:
                    break;
                case JsonValue scalar when scalar.GetValueKind() == JsonValueKind.True:
                    words.Add(flag);
                    if (nextflow)
                    {
                        words.Add("true");
                    }

                    break;
                case JsonValue scalar when scalar.GetValueKind() == JsonValueKind.False:
                    words.Add(flag);
                    words.Add("false");
                    break;
                case JsonValue scalar when scalar.GetValueKind() == JsonValueKind.Null:
                    break;
                case JsonValue scalar when scalar.GetValueKind() == JsonValueKind.String:
                    words.Add(flag);
                    words.Add(Quote(scalar.GetValue<string>()));
                    break;
                case JsonValue when nextflow && NextflowCommandLine.IsNumber(value):
                    words.Add(flag);
                    words.Add(Quote(NextflowCommandLine.NumberWord(value)));
                    break;
                default:
                    // Numbers keep their JSON text (no float round-trip); arrays and objects travel as JSON.
                    words.Add(flag);
                    words.Add(Quote(value.ToJsonString(Relaxed)));
                    break;
            }
        }

        return string.Join(' ', words);
    }

    /// <summary>One shell word: as is when every character is safe, otherwise single-quoted.</summary>
    public static string Quote(string word)
    {
        if (word.Length > 0 && word.All(IsSafe))
        {
            return word;
        }

        var builder = new StringBuilder(word.Length + 2).Append('\'');
        foreach (var c in word)
        {
            builder.Append(c == '\'' ? "'\\''" : c.ToString());
        }

        return builder.Append('\'').ToString();
    }

    private static bool IsSafe(char c) => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '/' or ':' or '=' or '@' or '%' or '+' or ',';
}
