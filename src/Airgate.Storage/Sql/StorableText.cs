namespace Airgate.Storage.Sql;

/// <summary>
/// PostgreSQL cannot store a NUL character in text and SQLite can; so that both behave alike, writes refuse it
/// and lookups treat it as matching nothing (no stored value can contain it).
/// </summary>
internal static class StorableText
{
    public static bool HasNul(string? value) => value is not null && value.Contains('\0', StringComparison.Ordinal);

    public static void Ensure(string? value, string parameterName)
    {
        if (HasNul(value))
        {
            throw new ArgumentException($"{parameterName} contains a NUL character, which cannot be stored.", parameterName);
        }
    }
}
