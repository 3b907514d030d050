using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Airgate.Core.Parameters;

public static class ParametersServiceCollectionExtensions
{
    /// <summary>Binds <see cref="ConfOptions"/> to <c>Airgate:Conf</c> (every key optional), validated at start.</summary>
    public static IServiceCollection AddTriggerConf(this IServiceCollection services)
    {
        services.AddOptions<ConfOptions>().BindConfiguration(ConfOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ConfOptions>, ConfOptionsValidator>());
        return services;
    }
}
