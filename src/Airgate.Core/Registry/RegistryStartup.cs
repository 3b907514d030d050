using Microsoft.Extensions.Hosting;

namespace Airgate.Core.Registry;

/// <summary>Loads the registry while the host starts, so problems are logged at start and the first request is not the one that pays.</summary>
internal sealed class RegistryStartup(IPipelineRegistry registry) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        _ = registry.Current;
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
