using System.Text.Json;

namespace Airgate.Configuration;

/// <summary>
/// A settings file that is not valid JSON (a trailing comma, a missing quote) as one line naming the file, the line and
/// the position, instead of the host's stack trace.
/// </summary>
internal static class SettingsFileError
{
    /// <summary>The one line, or null when <paramref name="exception"/> is not a settings file that failed to load.</summary>
    public static string? Describe(Exception exception)
    {
        if (exception is not InvalidDataException { Message: var message } || !message.StartsWith("Failed to load configuration from file", StringComparison.Ordinal))
        {
            return null;
        }

        var file = message.Split('\'') is { Length: >= 3 } parts ? parts[1] : "a settings file";
        for (var inner = exception.InnerException; inner is not null; inner = inner.InnerException)
        {
            if (inner is JsonException { LineNumber: { } line } json)
            {
                // System.Text.Json counts from zero.
                return $"Airgate cannot start: {file} is not valid JSON at line {line + 1}, position {(json.BytePositionInLine ?? 0) + 1} (a trailing comma or a missing quote?).";
            }
        }

        return $"Airgate cannot start: {file} could not be read as JSON.";
    }
}
