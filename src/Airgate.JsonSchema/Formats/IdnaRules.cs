using System.Globalization;

namespace Airgate.JsonSchema.Formats;

/// <summary>The IDNA2008 rules .NET's <see cref="IdnMapping"/> (IDNA2003) does not apply: RFC 5892 contextual rules and exceptions, RFC 5893 Bidi.</summary>
internal static class IdnaRules
{
    private const string Viramas = "\u094D\u09CD\u0A4D\u0ACD\u0B4D\u0BCD\u0C4D\u0CCD\u0D4D\u0DCA\u0E3A\u0F84\u1039\u103A\u1714\u1734\u17D2\u1A60\u1B44\u1BAA\u1BF2\u2D7F\uA806\uA8C4\uA953\uA9C0\uAAF6\uABED";
    private const string Disallowed = "\u0640\u07FA\u302E\u302F\u3031\u3032\u3033\u3034\u3035\u303B";

    // Punctuation and symbols are DISALLOWED in IDNA2008 except these contextual rules and PVALID exceptions.
    private const string AllowedPunctuation = "-\u00B7\u0375\u05F3\u05F4\u30FB\u200C\u200D\u06FD\u06FE\u0F0B";

    private enum Bidi
    {
        L,
        R,
        AL,
        AN,
        EN,
        ES,
        NSM,
        ON,
    }

    public static bool IsValidULabel(string label)
    {
        if (label.Length == 0 || IsMark(label[0]) || (label.Length >= 4 && label[2] == '-' && label[3] == '-'))
        {
            return false;
        }

        bool arabicIndic = false, extendedArabicIndic = false;
        for (var i = 0; i < label.Length; i++)
        {
            var c = label[i];
            var previous = i > 0 ? label[i - 1] : '\0';
            var next = i + 1 < label.Length ? label[i + 1] : '\0';
            var ok = c switch
            {
                _ when Disallowed.Contains(c) => false,
                _ when IsPunctuationOrSymbol(c) && !AllowedPunctuation.Contains(c) => false,
                '\u00B7' => previous == 'l' && next == 'l',
                '\u0375' => next is >= '\u0370' and <= '\u03FF' || next is >= '\u1F00' and <= '\u1FFF',
                '\u05F3' or '\u05F4' => previous is >= '\u0590' and <= '\u05FF',
                '\u30FB' => label.Any(o => o != '\u30FB' && (o is >= '\u3040' and <= '\u30FF' || o is >= '\u3400' and <= '\u9FFF')),
                '\u200D' => Viramas.Contains(previous),
                '\u200C' => Viramas.Contains(previous) || JoinsAround(label, i),
                _ => true,
            };
            if (!ok)
            {
                return false;
            }

            arabicIndic |= c is >= '\u0660' and <= '\u0669';
            extendedArabicIndic |= c is >= '\u06F0' and <= '\u06F9';
        }

        return !(arabicIndic && extendedArabicIndic);
    }

    /// <summary>RFC 5893: once any label holds a right-to-left character, every label must keep to the Bidi rule.</summary>
    public static bool SatisfiesBidi(IReadOnlyList<string> labels)
    {
        if (!labels.Any(l => l.Any(c => ClassOf(c) is Bidi.R or Bidi.AL or Bidi.AN)))
        {
            return true;
        }

        foreach (var label in labels)
        {
            if (label.Length == 0)
            {
                continue;
            }

            var classes = label.Select(ClassOf).ToArray();
            var first = classes[0];
            if (first is not (Bidi.L or Bidi.R or Bidi.AL))
            {
                return false;
            }

            var last = classes.Reverse().SkipWhile(c => c == Bidi.NSM).FirstOrDefault(Bidi.NSM);
            if (first == Bidi.L)
            {
                if (classes.Any(c => c is Bidi.R or Bidi.AL or Bidi.AN) || last is not (Bidi.L or Bidi.EN))
                {
                    return false;
                }
            }
            else if (classes.Contains(Bidi.L) || last is not (Bidi.R or Bidi.AL or Bidi.EN or Bidi.AN)
                || (classes.Contains(Bidi.EN) && classes.Contains(Bidi.AN)))
            {
                return false;
            }
        }

        return true;
    }

    private static bool JoinsAround(string label, int at)
    {
        var before = at - 1;
        while (before >= 0 && IsMark(label[before]))
        {
            before--;
        }

        var after = at + 1;
        while (after < label.Length && IsMark(label[after]))
        {
            after++;
        }

        return before >= 0 && after < label.Length && IsArabicLetter(label[before]) && IsArabicLetter(label[after]);
    }

    private static bool IsPunctuationOrSymbol(char c) => CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.ConnectorPunctuation
        or UnicodeCategory.DashPunctuation or UnicodeCategory.OpenPunctuation or UnicodeCategory.ClosePunctuation
        or UnicodeCategory.InitialQuotePunctuation or UnicodeCategory.FinalQuotePunctuation or UnicodeCategory.OtherPunctuation
        or UnicodeCategory.MathSymbol or UnicodeCategory.CurrencySymbol or UnicodeCategory.ModifierSymbol or UnicodeCategory.OtherSymbol
        or UnicodeCategory.SpaceSeparator or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator
        or UnicodeCategory.Control or UnicodeCategory.Format;

    private static bool IsArabicLetter(char c) => c is >= '\u0620' and <= '\u064A' or >= '\u066E' and <= '\u06D3';

    private static bool IsMark(char c) => CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark;

    private static Bidi ClassOf(char c) => c switch
    {
        >= '0' and <= '9' => Bidi.EN,
        >= '\u06F0' and <= '\u06F9' => Bidi.EN,
        >= '\u0660' and <= '\u0669' => Bidi.AN,
        '-' => Bidi.ES,
        _ when IsMark(c) => Bidi.NSM,
        >= '\u0590' and <= '\u05FF' => Bidi.R,
        >= '\u07C0' and <= '\u085F' => Bidi.R,
        >= '\u0600' and <= '\u07BF' => Bidi.AL,
        >= '\u08A0' and <= '\u08FF' => Bidi.AL,
        _ when char.IsLetterOrDigit(c) => Bidi.L,
        _ => Bidi.ON,
    };
}
