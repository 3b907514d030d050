namespace Airgate.JsonSchema.Formats;

/// <summary>RFC 5321 mailboxes: dot-atom or quoted local part, host name or address-literal domain (RFC 6531 when international).</summary>
internal static class EmailFormat
{
    private const string AtomSpecials = "!#$%&'*+-/=?^_`{|}~";

    public static bool IsEmail(string value, bool international)
    {
        var at = value.LastIndexOf('@');
        if (at <= 0 || at == value.Length - 1)
        {
            return false;
        }

        var local = value[..at];
        var domain = value[(at + 1)..];
        return IsLocalPart(local, international) && IsDomain(domain, international);
    }

    private static bool IsLocalPart(string local, bool international)
    {
        if (local.Length >= 2 && local[0] == '"' && local[^1] == '"')
        {
            for (var i = 1; i < local.Length - 1; i++)
            {
                if (local[i] == '\\')
                {
                    i++;
                }
                else if (local[i] == '"' || (local[i] < 32 && local[i] != '\t'))
                {
                    return false;
                }
            }

            return true;
        }

        if (local[0] == '.' || local[^1] == '.' || local.Contains("..", StringComparison.Ordinal))
        {
            return false;
        }

        return local.All(c => char.IsAsciiLetterOrDigit(c) || c == '.' || AtomSpecials.Contains(c) || (international && c > 127));
    }

    private static bool IsDomain(string domain, bool international)
    {
        if (domain.StartsWith('[') && domain.EndsWith(']'))
        {
            var literal = domain[1..^1];
            return literal.StartsWith("IPv6:", StringComparison.Ordinal) ? IpFormats.IsIPv6(literal[5..]) : IpFormats.IsIPv4(literal);
        }

        return international ? HostnameFormat.IsIdnHostname(domain) : HostnameFormat.IsHostname(domain);
    }
}
