namespace Airgate.Core.Registry;

/// <summary>Builds and reads RFC 6901 JSON Pointers.</summary>
public static class JsonPointer
{
    public static string Append(string location, string token) =>
        $"{location}/{token.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal)}";

    public static string Append(string location, int index) => $"{location}/{index}";

    /// <summary>The unescaped reference tokens of a pointer; empty for the root pointer.</summary>
    public static IReadOnlyList<string> Tokens(string location) =>
        location.Length == 0
            ? []
            : [.. location[1..].Split('/').Select(t => t.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal))];

    /// <summary>Percent-encodes a pointer for a URI fragment, leaving every character a fragment allows as it is.</summary>
    public static string ToUriFragment(string location)
    {
        var builder = new System.Text.StringBuilder(location.Length);
        foreach (var b in System.Text.Encoding.UTF8.GetBytes(location))
        {
            var c = (char)b;
            if (b < 0x80 && (char.IsAsciiLetterOrDigit(c) || "-._~!$&'()*+,;=:@/".Contains(c, StringComparison.Ordinal)))
            {
                builder.Append(c);
            }
            else
            {
                builder.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        return builder.ToString();
    }
}
