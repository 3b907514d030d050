using Microsoft.Extensions.Options;

namespace Airgate.Configuration;

/// <summary>Runs <see cref="ConfigurationChecker"/> at start in every host, so an unknown or malformed key stops it.</summary>
internal sealed class ConfigurationCheckValidator(IConfiguration configuration) : IValidateOptions<ConfigurationCheckOptions>
{
    public ValidateOptionsResult Validate(string? name, ConfigurationCheckOptions options) =>
        ConfigurationChecker.Check(configuration) is { Count: > 0 } failures ? ValidateOptionsResult.Fail(failures) : ValidateOptionsResult.Success;
}
