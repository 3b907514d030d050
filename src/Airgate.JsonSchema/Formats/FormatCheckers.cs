using System.Text.Json;

namespace Airgate.JsonSchema.Formats;

/// <summary>The formats this validator can assert; each checker ignores non-strings.</summary>
internal static class FormatCheckers
{
    public static Func<JsonElement, bool>? TryGet(string format, TimeSpan regexTimeout) => null;
}
