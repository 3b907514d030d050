using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Airgate.JsonSchema.Regexes;

/// <summary>Translates ECMA-262 patterns to .NET ones where the two differ (\d, \w, $, ., astral characters); see the README for what remains different.</summary>
internal static class EcmaRegex
{
    // One UTF-16 unit, not one code point: a set loop keeps ".*" and ".+" fast (see README, "Regular expressions").
    private const string AnyCharacter = @"[^\n\r\u2028\u2029]";

    // ECMA-262's WhiteSpace and LineTerminator, spelled out: .NET's \s also has U+0085 and lacks U+FEFF.
    private const string EcmaSpace = @"\t\n\x0B\f\r\x20\xA0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000\uFEFF";

    // Its complement as ranges, so "[\S]" and "[^\S]" inside a class mean what ECMA-262 says.
    private const string EcmaNonSpace = @"\x00-\x08\x0E-\x1F\x21-\x9F\xA1-\u167F\u1681-\u1FFF\u200B-\u2027\u202A-\u202E\u2030-\u205E\u2060-\u2FFF\u3001-\uFEFE\uFF00-\uFFFF";

    /// <summary>
    /// Compiles the pattern once, at schema load. Patterns the linear-time engine can run (all but lookaround and
    /// backreferences) use it and need no timeout, so no verdict depends on how busy the machine is; so do lookarounds at
    /// a fixed position (<see cref="AnchoredLookarounds"/>), as several linear-time matches. Only the rest use the
    /// backtracking engine compiled to IL, bounded by <paramref name="timeout"/>.
    /// </summary>
    public static EcmaPattern Create(string pattern, TimeSpan timeout)
    {
        var translated = Translate(pattern);
        if (CreateLinear(translated) is { } linear)
        {
            return EcmaPattern.Linear(linear);
        }

        if (CreateCombined(pattern) is { } combined)
        {
            return combined;
        }

        var regex = new Regex(translated, RegexOptions.CultureInvariant | RegexOptions.Compiled, timeout);
        try
        {
            // Pays the JIT cost now rather than inside the first timed match.
            _ = regex.IsMatch(string.Empty);
        }
        catch (RegexMatchTimeoutException)
        {
            // Only a warm-up; a slow machine must not make the schema invalid.
        }

        return EcmaPattern.Backtracking(regex);
    }

    /// <summary>Parses the pattern without running or compiling it: the <c>regex</c> format only asks whether it is valid.</summary>
    public static void Parse(string pattern) => _ = new Regex(Translate(pattern), RegexOptions.CultureInvariant);

    /// <summary>The pattern as linear-time matches of its parts when its only lookarounds sit at a fixed position, else null.</summary>
    private static EcmaPattern? CreateCombined(string pattern)
    {
        if (!AnchoredLookarounds.TrySplit(pattern, out var rest, out var lookarounds))
        {
            return null;
        }

        try
        {
            if (CreateLinear(Translate(rest)) is not { } restRegex)
            {
                return null;
            }

            var conditions = new AnchoredCondition[lookarounds.Count];
            for (var i = 0; i < conditions.Length; i++)
            {
                var (body, negative, atStart) = lookarounds[i];
                if (CreateLinear(Translate(atStart ? $"^(?:{body})" : $"(?:{body})$")) is not { } regex)
                {
                    return null;
                }

                conditions[i] = new AnchoredCondition(regex, MustMatch: !negative);
            }

            return EcmaPattern.Combined(restRegex, conditions);
        }
        catch (ArgumentException)
        {
            // A part that does not stand alone (the whole pattern was valid): the backtracking engine runs it whole.
            return null;
        }
    }

    private static Regex? CreateLinear(string translated)
    {
        try
        {
            return new Regex(translated, RegexOptions.CultureInvariant | RegexOptions.NonBacktracking);
        }
        catch (NotSupportedException)
        {
            // Lookaround or backreferences: only the backtracking engine has them.
            return null;
        }
    }

    public static string Translate(string pattern)
    {
        var builder = new StringBuilder(pattern.Length + 16);
        var inClass = false;
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            if (c == '\\' && i + 1 < pattern.Length)
            {
                var next = pattern[++i];
                switch (next)
                {
                    case 'd':
                        builder.Append(inClass ? "0-9" : "[0-9]");
                        break;
                    case 'D':
                        builder.Append(inClass ? @"\x00-/:-\uFFFF" : "[^0-9]");
                        break;
                    case 'w':
                        builder.Append(inClass ? "a-zA-Z0-9_" : "[a-zA-Z0-9_]");
                        break;
                    case 'W':
                        builder.Append(inClass ? @"\x00-/:-@\[-^`{-\uFFFF" : "[^a-zA-Z0-9_]");
                        break;
                    case 's':
                        builder.Append(inClass ? EcmaSpace : "[" + EcmaSpace + "]");
                        break;
                    case 'S':
                        builder.Append(inClass ? EcmaNonSpace : "[^" + EcmaSpace + "]");
                        break;
                    case 'u' when i + 1 < pattern.Length && pattern[i + 1] == '{':
                        var close = pattern.IndexOf('}', i);
                        if (close > 0 && int.TryParse(pattern.AsSpan(i + 2, close - i - 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var codePoint))
                        {
                            AppendCodePoint(builder, codePoint, inClass);
                            i = close;
                        }
                        else
                        {
                            builder.Append(@"\u");
                        }

                        break;
                    case 'p' or 'P' when i + 1 < pattern.Length && pattern[i + 1] == '{':
                        var end = pattern.IndexOf('}', i);
                        if (end < 0)
                        {
                            goto default;
                        }

                        builder.Append('\\').Append(next).Append('{').Append(UnicodeCategory(pattern[(i + 2)..end])).Append('}');
                        i = end;
                        break;
                    default:
                        builder.Append('\\').Append(next);
                        break;
                }
            }
            else if (inClass)
            {
                if (c == ']')
                {
                    inClass = false;
                }
                else if (c == '[')
                {
                    // A literal '[' in ECMA-262; .NET would read "-[" as class subtraction.
                    builder.Append('\\');
                }

                builder.Append(c);
            }
            else if (c == '[')
            {
                if (pattern.AsSpan(i).StartsWith("[]"))
                {
                    // "[]" matches nothing in ECMA-262.
                    builder.Append(@"[^\s\S]");
                    i++;
                }
                else if (pattern.AsSpan(i).StartsWith("[^]"))
                {
                    // "[^]" matches any character in ECMA-262.
                    builder.Append(@"[\s\S]");
                    i += 2;
                }
                else
                {
                    inClass = true;
                    builder.Append(c);
                    if (i + 1 < pattern.Length && pattern[i + 1] == '^')
                    {
                        builder.Append('^');
                        i++;
                    }
                }
            }
            else if (c == '(' && i + 2 < pattern.Length && pattern[i + 1] == '?' && !IsEcmaGroup(pattern, i + 2))
            {
                throw new ArgumentException($"'(?{pattern[i + 2]}' at offset {i} is not ECMA-262 syntax (inline flags and comments are not allowed).", nameof(pattern));
            }
            else if (c == '$')
            {
                builder.Append(@"\z");
            }
            else if (c == '.')
            {
                builder.Append(AnyCharacter);
            }
            else if (char.IsHighSurrogate(c) && i + 1 < pattern.Length && char.IsLowSurrogate(pattern[i + 1]))
            {
                builder.Append("(?:").Append(c).Append(pattern[++i]).Append(')');
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    /// <summary>ECMA-262 groups after "(?": non-capturing, look-arounds and named groups.</summary>
    private static bool IsEcmaGroup(string pattern, int at) =>
        pattern[at] is ':' or '=' or '!' || (pattern[at] == '<' && at + 1 < pattern.Length);

    /// <summary>ECMA-262 accepts long general-category names (<c>Letter</c>, <c>gc=Lu</c>); .NET only the short ones.</summary>
    private static string UnicodeCategory(string name)
    {
        var value = name.StartsWith("gc=", StringComparison.Ordinal) ? name[3..]
            : name.StartsWith("General_Category=", StringComparison.Ordinal) ? name[17..] : name;
        return value switch
        {
            "Letter" => "L",
            "Cased_Letter" => "L",
            "Uppercase_Letter" => "Lu",
            "Lowercase_Letter" => "Ll",
            "Titlecase_Letter" => "Lt",
            "Modifier_Letter" => "Lm",
            "Other_Letter" => "Lo",
            "Mark" or "Combining_Mark" => "M",
            "Nonspacing_Mark" => "Mn",
            "Spacing_Mark" => "Mc",
            "Enclosing_Mark" => "Me",
            "Number" => "N",
            "Decimal_Number" or "digit" => "Nd",
            "Letter_Number" => "Nl",
            "Other_Number" => "No",
            "Punctuation" or "punct" => "P",
            "Connector_Punctuation" => "Pc",
            "Dash_Punctuation" => "Pd",
            "Open_Punctuation" => "Ps",
            "Close_Punctuation" => "Pe",
            "Initial_Punctuation" => "Pi",
            "Final_Punctuation" => "Pf",
            "Other_Punctuation" => "Po",
            "Symbol" => "S",
            "Math_Symbol" => "Sm",
            "Currency_Symbol" => "Sc",
            "Modifier_Symbol" => "Sk",
            "Other_Symbol" => "So",
            "Separator" => "Z",
            "Space_Separator" => "Zs",
            "Line_Separator" => "Zl",
            "Paragraph_Separator" => "Zp",
            "Other" => "C",
            "Control" or "cntrl" => "Cc",
            "Format" => "Cf",
            "Surrogate" => "Cs",
            "Private_Use" => "Co",
            "Unassigned" => "Cn",
            _ => value,
        };
    }

    private static void AppendCodePoint(StringBuilder builder, int codePoint, bool inClass)
    {
        if (codePoint <= 0xFFFF)
        {
            builder.Append(@"\u").Append(codePoint.ToString("X4", CultureInfo.InvariantCulture));
            return;
        }

        var text = char.ConvertFromUtf32(codePoint);
        builder.Append(inClass ? text : "(?:" + text + ")");
    }
}
