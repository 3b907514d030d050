namespace Airgate.JsonSchema.Formats;

/// <summary>RFC 2673 dotted-quad IPv4 (no leading zeros) and RFC 4291 IPv6 text forms (no zone, no brackets).</summary>
internal static class IpFormats
{
    public static bool IsIPv4(string value)
    {
        var parts = value.Split('.');
        if (parts.Length != 4)
        {
            return false;
        }

        foreach (var part in parts)
        {
            if (part.Length is 0 or > 3 || (part.Length > 1 && part[0] == '0') || !part.All(char.IsAsciiDigit) || int.Parse(part, System.Globalization.CultureInfo.InvariantCulture) > 255)
            {
                return false;
            }
        }

        return true;
    }

    public static bool IsIPv6(string value)
    {
        var doubleColon = value.IndexOf("::", StringComparison.Ordinal);
        if (doubleColon >= 0 && value.IndexOf("::", doubleColon + 1, StringComparison.Ordinal) >= 0)
        {
            return false;
        }

        var groups = 0;
        var sections = doubleColon >= 0 ? [value[..doubleColon], value[(doubleColon + 2)..]] : new[] { value };
        for (var s = 0; s < sections.Length; s++)
        {
            if (sections[s].Length == 0)
            {
                continue;
            }

            var parts = sections[s].Split(':');
            for (var p = 0; p < parts.Length; p++)
            {
                var part = parts[p];
                var isLast = s == sections.Length - 1 && p == parts.Length - 1;
                if (isLast && part.Contains('.'))
                {
                    if (!IsIPv4(part))
                    {
                        return false;
                    }

                    groups += 2;
                }
                else if (part.Length is >= 1 and <= 4 && part.All(char.IsAsciiHexDigit))
                {
                    groups++;
                }
                else
                {
                    return false;
                }
            }
        }

        return doubleColon >= 0 ? groups <= 7 : groups == 8;
    }
}
