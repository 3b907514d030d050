using System.Globalization;
using System.Text;

namespace Airgate.Auth;

/// <summary>Client-controlled text made safe for a log line: printable ASCII kept, everything else as <c>\uXXXX</c>, bounded.</summary>
internal static class LogText
{
    public const int MaxLength = 64;

    public static string Escape(string text)
    {
        var builder = new StringBuilder(Math.Min(text.Length, MaxLength) + 8);
        foreach (var c in text.Length > MaxLength ? text[..MaxLength] : text)
        {
            if (c is >= ' ' and <= '~' and not '\\')
            {
                builder.Append(c);
            }
            else
            {
                builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
            }
        }

        return text.Length > MaxLength ? builder.Append("...").ToString() : builder.ToString();
    }
}
