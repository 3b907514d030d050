using Airgate.Core.Registry.DynamoDb;

namespace Airgate.Core.Registry;

/// <summary>Where the registry's profiles and manifests live (<c>Airgate:Registry</c>).</summary>
public sealed record RegistryOptions
{
    public const string SectionName = "Airgate:Registry";

    /// <summary><c>Directory</c> (the default: <see cref="Path"/>) or <c>DynamoDb</c> (CAPE's tables, <see cref="DynamoDb"/>).</summary>
    public RegistrySource Source { get; init; } = RegistrySource.Directory;

    /// <summary>The directory scanned for <c>*.json</c> profiles and manifests; relative paths start at the working directory.</summary>
    public string Path { get; init; } = string.Empty;

    /// <summary>How long the files must stay quiet before a reload, so an editor's burst of writes reloads once.</summary>
    public TimeSpan ReloadDelay { get; init; } = TimeSpan.FromMilliseconds(300);

    /// <summary>
    /// When positive, look for changes this often instead of relying on file-system events (for network or container
    /// mounts that do not deliver them). Zero uses events, and falls back to polling every 5 seconds if they cannot start.
    /// </summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.Zero;

    /// <summary>CAPE's DynamoDB tables, read when <see cref="Source"/> is <see cref="RegistrySource.DynamoDb"/>.</summary>
    public DynamoDbRegistryOptions DynamoDb { get; init; } = new();
}
