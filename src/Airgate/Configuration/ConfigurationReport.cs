using System.Data.Common;
using System.Globalization;

namespace Airgate.Configuration;

/// <summary>The effective value of every key Airgate reads, secrets masked, as <c>key = value</c> lines.</summary>
internal static class ConfigurationReport
{
    public const string Mask = "***";

    public static IReadOnlyList<string> Lines(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var configured = configuration.GetSection(ConfigurationSchema.Root).AsEnumerable()
            .Where(entry => entry.Value is not null)
            .ToList();
        var lines = new List<string>();
        foreach (var key in ConfigurationSchema.Keys)
        {
            if (key.Pattern.Contains('*', StringComparison.Ordinal))
            {
                foreach (var (path, value) in configured.Where(entry => key.Matches(entry.Key)).OrderBy(entry => entry.Key, StringComparer.Ordinal))
                {
                    lines.Add($"{path} = {Show(key, value)}");
                }

                continue;
            }

            lines.Add(configuration[key.Pattern] is { } set
                ? $"{key.Pattern} = {Show(key, set)}"
                : $"{key.Pattern} = {Show(key, Format(key.Default))} (default)");
        }

        return lines;
    }

    private static string Show(ConfigurationKey key, string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return "(empty)";
        }

        if (key.IsSecret)
        {
            return Mask;
        }

        return key.IsConnectionString ? MaskConnectionString(value) : MaskUserInfo(value);
    }

    /// <summary>A URL with credentials in it (<c>http://user:password@host/</c>) shown with them masked.</summary>
    public static string MaskUserInfo(string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && uri.UserInfo.Length > 0
            ? new UriBuilder(uri) { UserName = Mask, Password = string.Empty }.Uri.ToString()
            : value;

    /// <summary>A connection string with every password-like part masked; one that cannot be parsed is masked whole.</summary>
    public static string MaskConnectionString(string value)
    {
        try
        {
            var builder = new DbConnectionStringBuilder { ConnectionString = value };
            foreach (var part in builder.Keys.Cast<string>().ToList())
            {
                if (part.Contains("password", StringComparison.OrdinalIgnoreCase) || part.Equals("pwd", StringComparison.OrdinalIgnoreCase))
                {
                    builder[part] = Mask;
                }
            }

            return builder.ConnectionString;
        }
        catch (ArgumentException)
        {
            return Mask;
        }
    }

    private static string? Format(object? value) => value switch
    {
        null => null,
        TimeSpan span => ConfigurationChecker.Format(span),
        bool flag => flag ? "true" : "false",
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };
}
