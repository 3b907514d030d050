using System.Text;
using System.Text.Json;

namespace Airgate.Runs.Logs;

/// <summary>One log entry as a line of text: <c>[timestamp] LEVEL logger - event</c> for a structured entry, the string itself otherwise.</summary>
internal static class LogText
{
    public static string Line(JsonElement entry)
    {
        if (entry.ValueKind == JsonValueKind.String)
        {
            return entry.GetString() ?? string.Empty;
        }

        if (entry.ValueKind != JsonValueKind.Object || !entry.TryGetProperty("event", out var message))
        {
            return entry.GetRawText();
        }

        var line = new StringBuilder();
        if (Text(entry, "timestamp") is { } timestamp)
        {
            line.Append('[').Append(timestamp).Append("] ");
        }

        if (Text(entry, "level") is { } level)
        {
            line.Append(level.ToUpperInvariant()).Append(' ');
        }

        if (Text(entry, "logger") is { } logger)
        {
            line.Append(logger).Append(" - ");
        }

        return line.Append(message.ValueKind == JsonValueKind.String ? message.GetString() : message.GetRawText()).ToString();
    }

    private static string? Text(JsonElement entry, string name) =>
        entry.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
