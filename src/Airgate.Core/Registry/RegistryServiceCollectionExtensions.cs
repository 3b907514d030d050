using Airgate.Core.Registry.DynamoDb;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Airgate.Core.Registry;

public static class RegistryServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="IPipelineRegistry"/> over the source in <c>Airgate:Registry:Source</c>: the directory in
    /// <c>Airgate:Registry:Path</c> (reloaded on change) or CAPE's DynamoDB tables (read every refresh interval),
    /// validated at start.
    /// </summary>
    public static IServiceCollection AddPipelineRegistry(this IServiceCollection services)
    {
        services.AddOptions<RegistryOptions>().BindConfiguration(RegistryOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<RegistryOptions>, RegistryOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<DirectoryPipelineRegistry>();
        services.TryAddSingleton<DynamoDbRegistryClient>();
        services.TryAddSingleton<DynamoDbPipelineRegistry>();
        services.TryAddSingleton<IPipelineRegistry>(provider =>
            provider.GetRequiredService<IOptions<RegistryOptions>>().Value.Source == RegistrySource.DynamoDb
                ? provider.GetRequiredService<DynamoDbPipelineRegistry>()
                : provider.GetRequiredService<DirectoryPipelineRegistry>());
        services.AddHostedService<RegistryStartup>();
        return services;
    }
}
