namespace Airgate.JsonSchema.Formats;

/// <summary>RFC 3986 URIs and references, RFC 3987 IRIs (the same grammar plus non-ASCII characters) and RFC 6570 templates.</summary>
internal static class UriFormats
{
    private const string SubDelims = "!$&'()*+,;=";

    public static bool IsUri(string value, bool international, bool reference)
    {
        var rest = value;
        var colon = value.IndexOf(':');
        var firstDelimiter = value.IndexOfAny(['/', '?', '#']);
        var hasScheme = colon > 0 && (firstDelimiter < 0 || colon < firstDelimiter) && IsScheme(value[..colon]);
        if (hasScheme)
        {
            rest = value[(colon + 1)..];
        }
        else if (!reference)
        {
            return false;
        }

        var hash = rest.IndexOf('#');
        if (hash >= 0)
        {
            if (!AllChars(rest[(hash + 1)..], international, "/?:@"))
            {
                return false;
            }

            rest = rest[..hash];
        }

        var question = rest.IndexOf('?');
        if (question >= 0)
        {
            if (!AllChars(rest[(question + 1)..], international, "/?:@"))
            {
                return false;
            }

            rest = rest[..question];
        }

        if (rest.StartsWith("//", StringComparison.Ordinal))
        {
            var slash = rest.IndexOf('/', 2);
            var authority = slash < 0 ? rest[2..] : rest[2..slash];
            if (!IsAuthority(authority, international))
            {
                return false;
            }

            rest = slash < 0 ? string.Empty : rest[slash..];
        }
        else if (!hasScheme)
        {
            // A relative path's first segment may not contain ':' (it would read as a scheme).
            var segmentEnd = rest.IndexOf('/');
            if ((segmentEnd < 0 ? rest : rest[..segmentEnd]).Contains(':'))
            {
                return false;
            }
        }

        return AllChars(rest, international, "/:@");
    }

    public static bool IsUriTemplate(string value)
    {
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (c == '{')
            {
                var close = value.IndexOf('}', i);
                if (close < 0 || !IsExpression(value[(i + 1)..close]))
                {
                    return false;
                }

                i = close;
            }
            else if (c == '%')
            {
                if (i + 2 >= value.Length || !char.IsAsciiHexDigit(value[i + 1]) || !char.IsAsciiHexDigit(value[i + 2]))
                {
                    return false;
                }

                i += 2;
            }
            else if (c <= ' ' || c == '\u007F' || "\"<>\\^`{|}".Contains(c))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>RFC 6570: an optional operator, then comma-separated variable names with an optional <c>*</c> or <c>:1..9999</c>.</summary>
    private static bool IsExpression(string expression)
    {
        if (expression.Length > 0 && "+#./;?&".Contains(expression[0]))
        {
            expression = expression[1..];
        }

        foreach (var spec in expression.Split(','))
        {
            var name = spec;
            if (spec.EndsWith('*'))
            {
                name = spec[..^1];
            }
            else if (spec.IndexOf(':') is var colon and >= 0)
            {
                var length = spec[(colon + 1)..];
                if (length.Length is 0 or > 4 || length[0] == '0' || !length.All(char.IsAsciiDigit))
                {
                    return false;
                }

                name = spec[..colon];
            }

            if (name.Length == 0 || name[0] == '.' || name[^1] == '.' || name.Contains("..", StringComparison.Ordinal)
                || !name.All(ch => char.IsAsciiLetterOrDigit(ch) || ch is '_' or '.' or '%'))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsScheme(string scheme) =>
        char.IsAsciiLetter(scheme[0]) && scheme.All(c => char.IsAsciiLetterOrDigit(c) || c is '+' or '-' or '.');

    private static bool IsAuthority(string authority, bool international)
    {
        var at = authority.LastIndexOf('@');
        if (at >= 0)
        {
            if (!AllChars(authority[..at], international, ":"))
            {
                return false;
            }

            authority = authority[(at + 1)..];
        }

        string host;
        if (authority.StartsWith('['))
        {
            var close = authority.IndexOf(']');
            if (close < 0)
            {
                return false;
            }

            var literal = authority[1..close];
            if (!(IpFormats.IsIPv6(literal) || (literal.Length > 0 && literal[0] is 'v' or 'V' && literal.Contains('.'))))
            {
                return false;
            }

            host = string.Empty;
            authority = authority[(close + 1)..];
        }
        else
        {
            var portColon = authority.LastIndexOf(':');
            host = portColon >= 0 ? authority[..portColon] : authority;
            authority = portColon >= 0 ? authority[portColon..] : string.Empty;
        }

        if (authority.Length > 0 && (authority[0] != ':' || !authority[1..].All(char.IsAsciiDigit)))
        {
            return false;
        }

        return AllChars(host, international, string.Empty);
    }

    private static bool AllChars(string text, bool international, string extra)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '%')
            {
                if (i + 2 >= text.Length || !char.IsAsciiHexDigit(text[i + 1]) || !char.IsAsciiHexDigit(text[i + 2]))
                {
                    return false;
                }

                i += 2;
            }
            else if (!(char.IsAsciiLetterOrDigit(c) || c is '-' or '.' or '_' or '~' || SubDelims.Contains(c) || extra.Contains(c)
                || (international && c > 127 && !char.IsWhiteSpace(c) && !char.IsControl(c))))
            {
                return false;
            }
        }

        return true;
    }
}
