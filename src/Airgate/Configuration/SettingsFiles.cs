using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration.CommandLine;
using Microsoft.Extensions.Configuration.EnvironmentVariables;
using Microsoft.Extensions.Configuration.Json;
using Microsoft.Extensions.Configuration.Memory;

namespace Airgate.Configuration;

/// <summary>
/// Where settings come from. The host reads <c>appsettings*.json</c> from the folder the process starts in; a
/// deployment keeps them beside the executable, so those are read too, wherever the process starts.
/// </summary>
internal static partial class SettingsFiles
{
    /// <summary>
    /// Adds <c>appsettings.json</c> and <c>appsettings.{Environment}.json</c> from <paramref name="folder"/> (the
    /// executable's by default) just before the working directory's files: theirs still win, as do variables and switches.
    /// </summary>
    public static WebApplicationBuilder AddSettingsBesideExecutable(this WebApplicationBuilder builder, string? folder = null)
    {
        folder = Path.GetFullPath(folder ?? AppContext.BaseDirectory);
        if (SameFolder(folder, builder.Environment.ContentRootPath))
        {
            return builder;
        }

        var sources = builder.Configuration.Sources;
        var firstFile = sources.Select((source, index) => (source, index)).FirstOrDefault(pair => pair.source is JsonConfigurationSource);
        var at = firstFile.source is null ? sources.Count : firstFile.index;
        foreach (var name in new[] { "appsettings.json", $"appsettings.{builder.Environment.EnvironmentName}.json" }.Reverse())
        {
            var source = new JsonConfigurationSource { Path = Path.Combine(folder, name), Optional = true, ReloadOnChange = false };
            source.ResolveFileProvider();
            sources.Insert(at, source);
        }

        return builder;
    }

    /// <summary>One line per source, lowest priority first: each settings file (read or not found), variables, switches.</summary>
    public static IReadOnlyList<string> Describe(IConfiguration configuration)
    {
        if (configuration is not IConfigurationRoot root)
        {
            return [];
        }

        var lines = new List<string>();
        foreach (var provider in root.Providers)
        {
            switch (provider)
            {
                case JsonConfigurationProvider { Source: var source }:
                    var file = source.FileProvider?.GetFileInfo(source.Path ?? "");
                    var path = file?.PhysicalPath ?? source.Path;
                    lines.Add(file?.Exists == true ? $"file {path} (read)" : $"file {path} (not found)");
                    break;
                case EnvironmentVariablesConfigurationProvider:
                    var prefix = EnvironmentPrefix().Match(provider.ToString() ?? "") is { Success: true } match ? match.Groups[1].Value : "";
                    lines.Add(prefix.Length == 0
                        ? "environment variables (Airgate__Airflow__BaseUrl sets Airgate:Airflow:BaseUrl)"
                        : $"environment variables starting with {prefix}");
                    break;
                case CommandLineConfigurationProvider:
                    lines.Add("command-line switches (--Airgate:Airflow:BaseUrl=...)");
                    break;
                case MemoryConfigurationProvider when provider.GetChildKeys([], null).Any(key => key.Equals(ConfigurationSchema.Root, StringComparison.OrdinalIgnoreCase)):
                    lines.Add("values the command sets itself (airgate dev)");
                    break;
            }
        }

        return lines;
    }

    private static bool SameFolder(string a, string b) =>
        string.Equals(Path.TrimEndingDirectorySeparator(Path.GetFullPath(a)), Path.TrimEndingDirectorySeparator(Path.GetFullPath(b)), StringComparison.Ordinal);

    [GeneratedRegex("Prefix: '([^']*)'")]
    private static partial Regex EnvironmentPrefix();
}
