using System.Text.RegularExpressions;
using Airgate.JsonSchema.Regexes;

namespace Airgate.JsonSchema.Formats;

/// <summary>The <c>regex</c> format: an ECMA-262 pattern that this validator can compile.</summary>
internal static class RegexFormat
{
    private const string EcmaEscapes = "dDwWsSbBnrtvfcxupPk0123456789";

    public static bool IsRegex(string value)
    {
        for (var i = 0; i < value.Length - 1; i++)
        {
            if (value[i] == '\\')
            {
                var next = value[++i];
                if (char.IsAsciiLetter(next) && !EcmaEscapes.Contains(next))
                {
                    return false;
                }
            }
        }

        try
        {
            EcmaRegex.Parse(value);
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
