using Microsoft.Extensions.Options;

namespace Airgate.Core.Registry;

/// <summary>Fails start-up with a message that names the key and the fix, rather than serving an empty registry.</summary>
internal sealed class RegistryOptionsValidator : IValidateOptions<RegistryOptions>
{
    private const string Key = RegistryOptions.SectionName + ":Path";

    public ValidateOptionsResult Validate(string? name, RegistryOptions options)
    {
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.Path))
        {
            failures.Add($"{Key} is not set. Set it to the directory holding your pipeline profiles and workflow manifests, e.g. in appsettings.json or as the environment variable Airgate__Registry__Path.");
        }
        else if (!Directory.Exists(options.Path))
        {
            failures.Add($"{Key} is '{options.Path}' (resolved to '{System.IO.Path.GetFullPath(options.Path)}'), which is not an existing directory. Create it or point the key at the directory holding your profiles and manifests.");
        }

        if (options.ReloadDelay < TimeSpan.Zero)
        {
            failures.Add($"{RegistryOptions.SectionName}:ReloadDelay is {options.ReloadDelay}; use zero or a positive duration such as 00:00:00.300.");
        }

        if (options.PollInterval < TimeSpan.Zero)
        {
            failures.Add($"{RegistryOptions.SectionName}:PollInterval is {options.PollInterval}; use zero (file-system events) or a positive duration such as 00:00:05.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
