using System.Globalization;

namespace Airgate.Configuration;

/// <summary>The accepted range of one numeric or duration key, and an example value to show when it is out of range.</summary>
internal sealed record ConfigurationRange(string Minimum, string Maximum, string Example)
{
    /// <summary>The value's place relative to the range: negative below, positive above, zero within.</summary>
    public int Compare(Type type, string value)
    {
        if (type == typeof(TimeSpan))
        {
            var parsed = TimeSpan.Parse(value, CultureInfo.InvariantCulture);
            return parsed < TimeSpan.Parse(Minimum, CultureInfo.InvariantCulture) ? -1
                : parsed > TimeSpan.Parse(Maximum, CultureInfo.InvariantCulture) ? 1 : 0;
        }

        var number = double.Parse(value, NumberStyles.Float, CultureInfo.InvariantCulture);
        return number < double.Parse(Minimum, CultureInfo.InvariantCulture) ? -1
            : number > double.Parse(Maximum, CultureInfo.InvariantCulture) ? 1 : 0;
    }
}
