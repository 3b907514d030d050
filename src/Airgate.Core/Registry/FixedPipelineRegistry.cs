namespace Airgate.Core.Registry;

/// <summary>A registry that never changes: for tests and tools that load a snapshot once (e.g. from <see cref="RegistryLoader"/>).</summary>
public sealed class FixedPipelineRegistry(RegistrySnapshot snapshot) : IPipelineRegistry
{
    public RegistrySnapshot Current { get; } = snapshot;
}
