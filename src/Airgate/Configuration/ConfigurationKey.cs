using System.Reflection;

namespace Airgate.Configuration;

/// <summary>One key Airgate reads: its path (<c>*</c> stands for a list index), the type it binds to, and its default.</summary>
internal sealed record ConfigurationKey(string Pattern, Type Type, object? Default)
{
    /// <summary>Keys whose values are never printed: passwords, tokens, key hashes.</summary>
    public bool IsSecret => Name is "Password" or "Token" or "KeyHash";

    public bool IsConnectionString => Name == "ConnectionString";

    public string Name => Pattern[(Pattern.LastIndexOf(':') + 1)..];

    /// <summary>True when <paramref name="key"/> (a concrete path such as <c>Airgate:Auth:ApiKeys:0:UserId</c>) is this key.</summary>
    public bool Matches(string key) => Matches(Pattern.Split(':'), key.Split(':'));

    /// <summary>The pattern with each <c>*</c> replaced by the index at the same place in <paramref name="key"/>, for suggestions.</summary>
    public string Instantiate(string key)
    {
        var pattern = Pattern.Split(':');
        var actual = key.Split(':');
        for (var i = 0; i < pattern.Length && i < actual.Length; i++)
        {
            if (pattern[i] == "*" && int.TryParse(actual[i], out _))
            {
                pattern[i] = actual[i];
            }
        }

        return string.Join(':', pattern);
    }

    public static bool IsScalar(Type type) =>
        type.IsPrimitive || type.IsEnum || type == typeof(string) || type == typeof(TimeSpan) || type == typeof(decimal)
        || type == typeof(Uri) || type == typeof(DateTimeOffset);

    public static Type Unwrap(Type type) => Nullable.GetUnderlyingType(type) ?? type;

    public static Type? ElementType(Type type) =>
        type.IsArray ? type.GetElementType()
        : type.IsGenericType && type.GetGenericTypeDefinition() is var definition
          && (definition == typeof(IReadOnlyList<>) || definition == typeof(IList<>) || definition == typeof(List<>) || definition == typeof(IEnumerable<>) || definition == typeof(IReadOnlyCollection<>))
            ? type.GetGenericArguments()[0]
            : null;

    /// <summary>The bindable properties of an options type: settable (init included), not indexers.</summary>
    public static IEnumerable<PropertyInfo> Bindable(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite && p.GetIndexParameters().Length == 0);

    private static bool Matches(string[] pattern, string[] key) =>
        pattern.Length == key.Length
        && pattern.Zip(key).All(pair => pair.First == "*" ? int.TryParse(pair.Second, out var index) && index >= 0 : string.Equals(pair.First, pair.Second, StringComparison.OrdinalIgnoreCase));
}
