using Microsoft.Extensions.Options;

namespace Airgate.Core.Parameters;

/// <summary>Every conf key must be set, and keys that share an object must differ, or the conf would overwrite itself.</summary>
internal sealed class ConfOptionsValidator : IValidateOptions<ConfOptions>
{
    public ValidateOptionsResult Validate(string? name, ConfOptions options)
    {
        var failures = new List<string>();
        var keys = new (string Name, string Value)[]
        {
            (nameof(options.PipelineConfigsKey), options.PipelineConfigsKey),
            (nameof(options.PipelineIdKey), options.PipelineIdKey),
            (nameof(options.CliSuffix), options.CliSuffix),
            (nameof(options.IdentityKey), options.IdentityKey),
            (nameof(options.UserIdKey), options.UserIdKey),
            (nameof(options.UserNameKey), options.UserNameKey),
        };
        foreach (var (key, value) in keys.Where(k => string.IsNullOrWhiteSpace(k.Value)))
        {
            failures.Add($"{ConfOptions.SectionName}:{key} is empty; remove it to use the default or set a conf key name.");
        }

        if (options.PipelineConfigsKey == options.IdentityKey)
        {
            failures.Add($"{ConfOptions.SectionName}:PipelineConfigsKey and IdentityKey are both '{options.IdentityKey}'; give them different names.");
        }

        if (options.UserIdKey == options.UserNameKey)
        {
            failures.Add($"{ConfOptions.SectionName}:UserIdKey and UserNameKey are both '{options.UserIdKey}'; give them different names.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
