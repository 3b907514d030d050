using System.Globalization;

namespace Airgate.JsonSchema.Formats;

/// <summary>RFC 1123 host names (with valid punycode A-labels) and internationalized host names checked through IDNA.</summary>
internal static class HostnameFormat
{
    private static readonly IdnMapping Idn = new() { UseStd3AsciiRules = true, AllowUnassigned = false };

    public static bool IsHostname(string value)
    {
        if (value.Length is 0 or > 253)
        {
            return false;
        }

        foreach (var label in value.Split('.'))
        {
            if (label.Length is 0 or > 63 || label[0] == '-' || label[^1] == '-')
            {
                return false;
            }

            foreach (var c in label)
            {
                if (!char.IsAsciiLetterOrDigit(c) && c != '-')
                {
                    return false;
                }
            }

            if (label.Length >= 4 && label[2] == '-' && label[3] == '-')
            {
                if (!label.StartsWith("xn--", StringComparison.OrdinalIgnoreCase) || !TryDecodeALabel(label, out _))
                {
                    return false;
                }
            }
        }

        return true;
    }

    public static bool IsIdnHostname(string value)
    {
        var labels = value.Split(['.', '\u3002', '\uFF0E', '\uFF61']);
        var unicodeLabels = new List<string>(labels.Length);
        foreach (var label in labels)
        {
            if (label.Length == 0)
            {
                return false;
            }

            var unicode = label;
            if (label.StartsWith("xn--", StringComparison.OrdinalIgnoreCase))
            {
                if (!TryDecodeALabel(label, out unicode))
                {
                    return false;
                }
            }
            else if (label.Any(c => c > 127) && !IdnaRules.IsValidULabel(label))
            {
                return false;
            }

            unicodeLabels.Add(unicode);
        }

        if (!IdnaRules.SatisfiesBidi(unicodeLabels))
        {
            return false;
        }

        try
        {
            return IsHostname(Idn.GetAscii(string.Join('.', labels)));
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    /// <summary>An A-label must be canonical punycode of a non-ASCII U-label that itself keeps to IDNA2008.</summary>
    private static bool TryDecodeALabel(string label, out string unicode)
    {
        try
        {
            unicode = Idn.GetUnicode(label);
        }
        catch (ArgumentException)
        {
            unicode = label;
            return false;
        }

        if (!unicode.Any(c => c > 127) || !IdnaRules.IsValidULabel(unicode) || !IdnaRules.SatisfiesBidi([unicode]))
        {
            return false;
        }

        try
        {
            return string.Equals(Idn.GetAscii(unicode), label, StringComparison.OrdinalIgnoreCase);
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
