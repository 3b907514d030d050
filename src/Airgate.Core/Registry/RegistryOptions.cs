namespace Airgate.Core.Registry;

/// <summary>Where the registry's profiles and manifests live (<c>Airgate:Registry</c>).</summary>
public sealed record RegistryOptions
{
    public const string SectionName = "Airgate:Registry";

    /// <summary>The directory scanned for <c>*.json</c> profiles and manifests; relative paths start at the working directory.</summary>
    public string Path { get; init; } = string.Empty;

    /// <summary>How long the files must stay quiet before a reload, so an editor's burst of writes reloads once.</summary>
    public TimeSpan ReloadDelay { get; init; } = TimeSpan.FromMilliseconds(300);
}
