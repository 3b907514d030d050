namespace Airgate.JsonSchema.Formats;

/// <summary>RFC 6901 JSON Pointers and relative JSON Pointers.</summary>
internal static class PointerFormats
{
    public static bool IsJsonPointer(string value)
    {
        if (value.Length > 0 && value[0] != '/')
        {
            return false;
        }

        for (var i = 0; i < value.Length; i++)
        {
            if (value[i] == '~' && (i + 1 >= value.Length || value[i + 1] is not ('0' or '1')))
            {
                return false;
            }
        }

        return true;
    }

    public static bool IsRelativeJsonPointer(string value)
    {
        var i = 0;
        while (i < value.Length && char.IsAsciiDigit(value[i]))
        {
            i++;
        }

        if (i == 0 || (i > 1 && value[0] == '0'))
        {
            return false;
        }

        var rest = value[i..];
        if (rest.Length > 0 && (rest[0] is '+' or '-'))
        {
            var j = 1;
            while (j < rest.Length && char.IsAsciiDigit(rest[j]))
            {
                j++;
            }

            if (j == 1 || (j > 2 && rest[1] == '0') || (rest[0] == '-' && j == 2 && rest[1] == '0'))
            {
                return false;
            }

            rest = rest[j..];
        }

        return rest == "#" || IsJsonPointer(rest);
    }
}
