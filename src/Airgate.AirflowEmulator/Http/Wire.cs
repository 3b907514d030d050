using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace Airgate.AirflowEmulator.Http;

/// <summary>How values look on the wire: RFC 3339 UTC timestamps with <c>Z</c>, stable UUIDs.</summary>
internal static class Wire
{
    public static string Format(DateTimeOffset value) =>
        value.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFF'Z'", CultureInfo.InvariantCulture);

    public static JsonNode? Time(DateTimeOffset? value) => value is { } v ? JsonValue.Create(Format(v)) : null;

    /// <summary>Python's <c>datetime.isoformat()</c> in UTC, as Airflow puts it in generated run ids.</summary>
    public static string PythonIso(DateTimeOffset value)
    {
        var utc = value.ToUniversalTime();
        var micro = (utc.Ticks % TimeSpan.TicksPerSecond) / 10;
        var seconds = utc.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture);
        return micro == 0 ? $"{seconds}+00:00" : $"{seconds}.{micro:D6}+00:00";
    }

    /// <summary>A UUID derived from a name, so the same entity keeps its id across reads.</summary>
    public static string Uuid(string name)
    {
        var bytes = SHA256.HashData(Encoding.UTF8.GetBytes(name)).AsSpan(0, 16).ToArray();
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x50);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        var hex = Convert.ToHexStringLower(bytes);
        return $"{hex[..8]}-{hex[8..12]}-{hex[12..16]}-{hex[16..20]}-{hex[20..]}";
    }

    public static JsonArray Strings(IEnumerable<string> values) => [.. values.Select(v => (JsonNode?)JsonValue.Create(v))];
}
