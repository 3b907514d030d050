using Airgate.Core.Registry;

namespace Airgate.Hosting;

/// <summary>Registers the pipeline-profile registry (directory in <c>Airgate:Registry:Path</c>, reloaded on change).</summary>
internal static class RegistrySetup
{
    public static WebApplicationBuilder AddRegistry(this WebApplicationBuilder builder)
    {
        builder.Services.AddPipelineRegistry();
        return builder;
    }
}
