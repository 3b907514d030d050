using Microsoft.Extensions.Options;

namespace Airgate.Configuration;

/// <summary>Refuses to start on an unknown key, a value that cannot be read or one out of range (see README "Configuration").</summary>
internal static class ConfigurationSetup
{
    public static WebApplicationBuilder AddConfigurationChecks(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<ConfigurationCheckOptions>().ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<ConfigurationCheckOptions>, ConfigurationCheckValidator>();
        return builder;
    }
}
