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
                if (!label.StartsWith("xn--", StringComparison.OrdinalIgnoreCase) || !IsValidALabel(label))
                {
                    return false;
                }
            }
        }

        return true;
    }

    public static bool IsIdnHostname(string value)
    {
        if (value.Length == 0 || value.Any(c => c is '\u3002' or '\uFF0E' or '\uFF61') && value.Length == 1)
        {
            return false;
        }

        try
        {
            var ascii = Idn.GetAscii(value);
            return IsHostname(ascii);
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private static bool IsValidALabel(string label)
    {
        try
        {
            var unicode = Idn.GetUnicode(label);
            return string.Equals(Idn.GetAscii(unicode), label, StringComparison.OrdinalIgnoreCase);
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
