using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Airgate.Core.Registry;

public static class RegistryServiceCollectionExtensions
{
    /// <summary>Registers <see cref="IPipelineRegistry"/> over the directory in <c>Airgate:Registry:Path</c>, validated at start and reloaded on change.</summary>
    public static IServiceCollection AddPipelineRegistry(this IServiceCollection services)
    {
        services.AddOptions<RegistryOptions>().BindConfiguration(RegistryOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<RegistryOptions>, RegistryOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IPipelineRegistry, DirectoryPipelineRegistry>();
        services.AddHostedService<RegistryStartup>();
        return services;
    }
}
