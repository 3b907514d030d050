namespace Airgate.Core.Registry;

/// <summary>The registry as it is now; read <see cref="Current"/> once per request so one request sees one snapshot.</summary>
public interface IPipelineRegistry
{
    RegistrySnapshot Current { get; }
}
