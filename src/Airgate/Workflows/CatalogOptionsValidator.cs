using Microsoft.Extensions.Options;

namespace Airgate.Workflows;

internal sealed class CatalogOptionsValidator : IValidateOptions<CatalogOptions>
{
    public ValidateOptionsResult Validate(string? name, CatalogOptions options)
    {
        List<string> failures = [];
        if (options.RefreshInterval <= TimeSpan.Zero || options.RefreshInterval > TimeSpan.FromDays(1))
        {
            failures.Add($"{CatalogOptions.SectionName}:RefreshInterval must be positive and at most a day, e.g. 00:00:30.");
        }

        if (options.IdleLifetime < options.RefreshInterval)
        {
            failures.Add($"{CatalogOptions.SectionName}:IdleLifetime must be at least RefreshInterval, e.g. 00:10:00.");
        }

        if (options.MaxEntries < 1)
        {
            failures.Add($"{CatalogOptions.SectionName}:MaxEntries must be at least 1, e.g. 10000.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
