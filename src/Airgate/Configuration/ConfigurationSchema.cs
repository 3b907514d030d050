using System.Reflection;

namespace Airgate.Configuration;

/// <summary>
/// Every key under <c>Airgate:</c>, found from the options records themselves (each names its section in a
/// <c>SectionName</c> constant, STYLE "Options"), so a new option is known, checked and printed without a second list.
/// </summary>
internal static class ConfigurationSchema
{
    public const string Root = "Airgate";

    private static readonly Lazy<IReadOnlyList<ConfigurationKey>> AllKeys = new(Discover);

    public static IReadOnlyList<ConfigurationKey> Keys => AllKeys.Value;

    /// <summary>The options types bound under <c>Airgate:</c>, with their sections.</summary>
    public static IEnumerable<(string Section, Type Type)> OptionsTypes()
    {
        var assemblies = new[] { typeof(Program).Assembly }.Concat(typeof(Program).Assembly.GetReferencedAssemblies()
            .Where(name => name.Name?.StartsWith("Airgate.", StringComparison.Ordinal) == true)
            .Select(Assembly.Load));
        foreach (var type in assemblies.SelectMany(a => a.GetTypes()).OrderBy(t => t.FullName, StringComparer.Ordinal))
        {
            if (type.GetField("SectionName", BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static) is { IsLiteral: true } field
                && field.GetRawConstantValue() is string section
                && section.StartsWith(Root + ":", StringComparison.Ordinal))
            {
                yield return (section, type);
            }
        }
    }

    private static List<ConfigurationKey> Discover()
    {
        var keys = new List<ConfigurationKey>();
        foreach (var (section, type) in OptionsTypes())
        {
            Walk(type, section, keys);
        }

        return keys;
    }

    private static void Walk(Type type, string prefix, List<ConfigurationKey> keys)
    {
        var defaults = type.GetConstructor(Type.EmptyTypes) is not null ? Activator.CreateInstance(type) : null;
        foreach (var property in ConfigurationKey.Bindable(type))
        {
            var propertyType = ConfigurationKey.Unwrap(property.PropertyType);
            var path = $"{prefix}:{property.Name}";
            if (ConfigurationKey.IsScalar(propertyType))
            {
                keys.Add(new ConfigurationKey(path, propertyType, defaults is null ? null : property.GetValue(defaults)));
            }
            else if (ConfigurationKey.ElementType(propertyType) is { } element)
            {
                if (ConfigurationKey.IsScalar(ConfigurationKey.Unwrap(element)))
                {
                    keys.Add(new ConfigurationKey($"{path}:*", ConfigurationKey.Unwrap(element), null));
                }
                else
                {
                    Walk(element, $"{path}:*", keys);
                }
            }
            else if (propertyType.IsClass)
            {
                Walk(propertyType, path, keys);
            }
        }
    }
}
