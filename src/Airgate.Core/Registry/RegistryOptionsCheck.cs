namespace Airgate.Core.Registry;

/// <summary>The start-up checks of <see cref="RegistryOptions"/>, for commands that read the settings outside a host.</summary>
public static class RegistryOptionsCheck
{
    public static IEnumerable<string> Problems(RegistryOptions options) =>
        new RegistryOptionsValidator().Validate(null, options) is { Failed: true, Failures: { } failures } ? failures : [];
}
