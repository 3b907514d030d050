using System.Globalization;

namespace Airgate.Storage.Sql;

/// <summary>
/// Timestamps are kept in UTC with microsecond precision (PostgreSQL's), so what SQLite and PostgreSQL return is the
/// same; SQLite stores them as fixed-width ISO-8601 text, which sorts in time order.
/// </summary>
internal static class UtcTimestamps
{
    private const string TextFormat = "yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'";

    public static DateTimeOffset Normalize(DateTimeOffset value)
    {
        var utcTicks = value.UtcTicks;
        return new DateTimeOffset(utcTicks - (utcTicks % 10), TimeSpan.Zero);
    }

    public static string ToText(DateTimeOffset value) => Normalize(value).ToString(TextFormat, CultureInfo.InvariantCulture);

    public static DateTimeOffset FromText(string text) =>
        DateTimeOffset.ParseExact(text, TextFormat, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);
}
