using System.Text.RegularExpressions;

namespace Airgate.JsonSchema.Formats;

/// <summary>RFC 3339 <c>date-time</c>, <c>full-date</c>, <c>full-time</c> (leap seconds at 23:59:60 UTC only) and Appendix A <c>duration</c>.</summary>
internal static partial class DateTimeFormats
{
    public static bool IsDateTime(string value)
    {
        var t = value.IndexOfAny(['T', 't']);
        return t == 10 && IsDate(value[..t]) && IsTime(value[(t + 1)..]);
    }

    public static bool IsDate(string value)
    {
        if (value.Length != 10 || value[4] != '-' || value[7] != '-'
            || !TryDigits(value, 0, 4, out var year) || !TryDigits(value, 5, 2, out var month) || !TryDigits(value, 8, 2, out var day))
        {
            return false;
        }

        return month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(Math.Max(year, 1), month);
    }

    public static bool IsTime(string value)
    {
        if (value.Length < 9 || value[2] != ':' || value[5] != ':'
            || !TryDigits(value, 0, 2, out var hour) || !TryDigits(value, 3, 2, out var minute) || !TryDigits(value, 6, 2, out var second))
        {
            return false;
        }

        var i = 8;
        if (i < value.Length && value[i] == '.')
        {
            var start = ++i;
            while (i < value.Length && char.IsAsciiDigit(value[i]))
            {
                i++;
            }

            if (i == start)
            {
                return false;
            }
        }

        if (i >= value.Length)
        {
            return false;
        }

        var offsetMinutes = 0;
        if (value[i] is 'Z' or 'z')
        {
            if (i + 1 != value.Length)
            {
                return false;
            }
        }
        else if (value[i] is '+' or '-')
        {
            if (value.Length - i != 6 || value[i + 3] != ':' || !TryDigits(value, i + 1, 2, out var offsetHour) || !TryDigits(value, i + 4, 2, out var offsetMinute)
                || offsetHour > 23 || offsetMinute > 59)
            {
                return false;
            }

            offsetMinutes = (value[i] == '+' ? 1 : -1) * ((offsetHour * 60) + offsetMinute);
        }
        else
        {
            return false;
        }

        if (hour > 23 || minute > 59 || second > 60)
        {
            return false;
        }

        if (second == 60)
        {
            var utc = ((((hour * 60) + minute - offsetMinutes) % 1440) + 1440) % 1440;
            return utc == (23 * 60) + 59;
        }

        return true;
    }

    public static bool IsDuration(string value) => DurationPattern().IsMatch(value);

    // RFC 3339 Appendix A: a year may be followed by months then days, an hour by minutes then seconds, never skipping one.
    [GeneratedRegex(@"^P(?:[0-9]+W|(?:(?:[0-9]+Y(?:[0-9]+M(?:[0-9]+D)?)?|[0-9]+M(?:[0-9]+D)?|[0-9]+D)(?:T(?:[0-9]+H(?:[0-9]+M(?:[0-9]+S)?)?|[0-9]+M(?:[0-9]+S)?|[0-9]+S))?|T(?:[0-9]+H(?:[0-9]+M(?:[0-9]+S)?)?|[0-9]+M(?:[0-9]+S)?|[0-9]+S)))\z", RegexOptions.CultureInvariant)]
    private static partial Regex DurationPattern();

    private static bool TryDigits(string value, int start, int length, out int number)
    {
        number = 0;
        for (var i = start; i < start + length; i++)
        {
            if (!char.IsAsciiDigit(value[i]))
            {
                return false;
            }

            number = (number * 10) + (value[i] - '0');
        }

        return true;
    }
}
