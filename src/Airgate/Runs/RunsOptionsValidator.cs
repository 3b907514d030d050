using Microsoft.Extensions.Options;

namespace Airgate.Runs;

internal sealed class RunsOptionsValidator : IValidateOptions<RunsOptions>
{
    public ValidateOptionsResult Validate(string? name, RunsOptions options)
    {
        List<string> failures = [];
        if (options.ReconcileInterval <= TimeSpan.Zero)
        {
            failures.Add($"{RunsOptions.SectionName}:ReconcileInterval must be positive, e.g. 00:01:00.");
        }

        if (options.PendingMinAge < TimeSpan.Zero)
        {
            failures.Add($"{RunsOptions.SectionName}:PendingMinAge must not be negative, e.g. 00:00:30.");
        }

        if (options.PendingGracePeriod < options.PendingMinAge)
        {
            failures.Add($"{RunsOptions.SectionName}:PendingGracePeriod must be at least PendingMinAge, e.g. 00:10:00.");
        }

        if (options.SyncOverlap < TimeSpan.Zero)
        {
            failures.Add($"{RunsOptions.SectionName}:SyncOverlap must not be negative, e.g. 00:01:00.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
