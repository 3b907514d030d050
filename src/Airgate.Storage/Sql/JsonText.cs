using System.Text.Json;

namespace Airgate.Storage.Sql;

internal static class JsonText
{
    /// <summary>
    /// Both databases reject invalid JSON, but with different exceptions; checking first gives callers one
    /// <see cref="ArgumentException"/> whatever the database.
    /// </summary>
    public static void EnsureValid(string? json, string parameterName)
    {
        if (json is null)
        {
            return;
        }

        try
        {
            using var _ = JsonDocument.Parse(json);
        }
        catch (JsonException e)
        {
            throw new ArgumentException($"{parameterName} is not valid JSON: {e.Message}", parameterName, e);
        }
    }
}
