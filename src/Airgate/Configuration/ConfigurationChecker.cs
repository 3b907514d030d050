using System.Globalization;

namespace Airgate.Configuration;

/// <summary>
/// Reads every key under <c>Airgate:</c> before anything is bound: unknown keys (with the nearest known key), values the
/// binder could not convert, and numbers or durations out of range, all in one list of lines that name the key.
/// </summary>
internal static class ConfigurationChecker
{
    public static IReadOnlyList<string> Check(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var failures = new List<string>();
        var keys = ConfigurationSchema.Keys;
        foreach (var (key, value) in configuration.GetSection(ConfigurationSchema.Root).AsEnumerable()
            .Where(entry => entry.Value is not null)
            .OrderBy(entry => entry.Key, StringComparer.OrdinalIgnoreCase))
        {
            var known = keys.FirstOrDefault(k => k.Matches(key));
            if (known is null)
            {
                failures.Add(Unknown(key, keys));
            }
            else if (CheckValue(key, known, value!) is { } failure)
            {
                failures.Add(failure);
            }
        }

        return failures;
    }

    private static string? CheckValue(string key, ConfigurationKey known, string value)
    {
        var type = known.Type;
        var shown = known.IsSecret ? "***" : value;
        if (value.Length == 0)
        {
            // An empty value binds as the type's default for strings and is left alone by the binder for the rest.
            return type == typeof(string) ? null : $"{key} is empty: remove it for the default or set a value, e.g. {Example(known)}.";
        }

        if (type.IsEnum)
        {
            var names = Enum.GetNames(type);
            return names.Any(n => string.Equals(n, value.Trim(), StringComparison.OrdinalIgnoreCase))
                ? null
                : $"{key} = {shown} is not one of {string.Join(", ", names)}; write e.g. {known.Default ?? names[^1]}.";
        }

        if (type == typeof(bool))
        {
            return bool.TryParse(value, out _) ? null : $"{key} = {shown} is not true or false; write e.g. {Example(known)}.";
        }

        if (type == typeof(TimeSpan))
        {
            if (!TimeSpan.TryParse(value, CultureInfo.InvariantCulture, out var span))
            {
                return $"{key} = {value} is not a duration; write [d.]hh:mm:ss[.fff], e.g. {Example(known)}.";
            }

            // .NET reads a bare number as days: "30" meant as seconds would be a month.
            if (span != TimeSpan.Zero && value.Trim().All(char.IsAsciiDigit))
            {
                var outOfRange = ConfigurationRanges.ByKey.TryGetValue(known.Pattern, out var spanRange) && spanRange.Compare(type, value) > 0
                    ? $", above the maximum {spanRange.Maximum}"
                    : string.Empty;
                return $"{key} = {Format(span)} (a bare number is read as days){outOfRange}; write hh:mm:ss, e.g. {Example(known)}.";
            }
        }
        else if (type == typeof(int) || type == typeof(long))
        {
            if (!long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number) || (type == typeof(int) && number is < int.MinValue or > int.MaxValue))
            {
                return $"{key} = {shown} is not a whole number; write e.g. {Example(known)}.";
            }
        }
        else if (type == typeof(double) || type == typeof(decimal))
        {
            if (!double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out _))
            {
                return $"{key} = {shown} is not a number; write e.g. {Example(known)}.";
            }
        }

        if (ConfigurationRanges.ByKey.TryGetValue(known.Pattern, out var range))
        {
            var normalized = type == typeof(TimeSpan) ? Format(TimeSpan.Parse(value, CultureInfo.InvariantCulture)) : value.Trim();
            return range.Compare(type, value) switch
            {
                > 0 => $"{key} = {normalized} is above the maximum {range.Maximum}; write e.g. {range.Example}.",
                < 0 => $"{key} = {normalized} is below the minimum {range.Minimum}; write e.g. {range.Example}.",
                _ => null,
            };
        }

        return null;
    }

    private static string Example(ConfigurationKey key) =>
        ConfigurationRanges.ByKey.TryGetValue(key.Pattern, out var range) ? range.Example
        : key.Type == typeof(bool) ? "true"
        : key.Default is TimeSpan span ? Format(span)
        : key.Type == typeof(TimeSpan) ? "00:00:30"
        : Convert.ToString(key.Default, CultureInfo.InvariantCulture) is { Length: > 0 } text ? text : "1";

    /// <summary>A duration as it is best written in configuration: hh:mm:ss, with days and fractions only when present.</summary>
    public static string Format(TimeSpan span)
    {
        var text = span.ToString("c", CultureInfo.InvariantCulture);
        return span.Ticks % TimeSpan.TicksPerSecond == 0 ? text : text.TrimEnd('0');
    }

    private static string Unknown(string key, IReadOnlyList<ConfigurationKey> keys)
    {
        var candidates = keys.Select(k => k.Instantiate(key)).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var nearest = candidates.MinBy(c => Distance(c.ToUpperInvariant(), key.ToUpperInvariant()));
        var section = key[..Math.Max(key.LastIndexOf(':'), 0)];
        var siblings = candidates.Where(c => c.StartsWith(section + ":", StringComparison.OrdinalIgnoreCase) && c.IndexOf(':', section.Length + 1) < 0)
            .Select(c => c[(section.Length + 1)..]).ToList();
        if (nearest is not null && Distance(nearest.ToUpperInvariant(), key.ToUpperInvariant()) <= Math.Max(2, key.Length / 8))
        {
            return $"{key} is not a key Airgate knows; did you mean {nearest}?";
        }

        return siblings.Count > 0
            ? $"{key} is not a key Airgate knows; {section} has {string.Join(", ", siblings)}."
            : $"{key} is not a key Airgate knows; see appsettings.Production.example.json for every key.";
    }

    /// <summary>Levenshtein distance, for suggesting the key someone meant.</summary>
    private static int Distance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
