using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Airgate.Core.Parameters;

/// <summary>
/// Renders parameters as one POSIX-shell command-line string: <c>--key value</c> per property in order; <c>true</c> as a
/// bare <c>--key</c> flag, <c>false</c> and <c>null</c> omitted; strings and numbers as their text; arrays and objects
/// as compact JSON. Every word that is not made only of safe characters is single-quoted, a single quote written
/// <c>'\''</c>, so <c>$</c>, backticks, spaces, newlines and non-ASCII text reach the program unchanged.
/// </summary>
public static class PosixShell
{
    // The JSON goes to a program through a shell, not into HTML: keep quotes and non-ASCII text as they are.
    private static readonly JsonSerializerOptions Relaxed = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Render(JsonObject options)
    {
        var words = new List<string>();
        foreach (var (key, value) in options)
        {
            var flag = Quote("--" + key);
            switch (value)
            {
                case null:
                    break;
                case JsonValue scalar when scalar.GetValueKind() == JsonValueKind.True:
                    words.Add(flag);
                    break;
                case JsonValue scalar when scalar.GetValueKind() is JsonValueKind.False or JsonValueKind.Null:
                    break;
                case JsonValue scalar when scalar.GetValueKind() == JsonValueKind.String:
                    words.Add(flag);
                    words.Add(Quote(scalar.GetValue<string>()));
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
