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

        if (options.SyncTimeout < TimeSpan.Zero || options.SyncTimeout > TimeSpan.FromMinutes(5))
        {
            failures.Add($"{RunsOptions.SectionName}:SyncTimeout must be between 00:00:00 and 00:05:00, e.g. 00:00:02.");
        }

        if (options.MinSyncInterval < TimeSpan.Zero || options.MinSyncInterval > TimeSpan.FromMinutes(1))
        {
            failures.Add($"{RunsOptions.SectionName}:MinSyncInterval must be between 00:00:00 and 00:01:00, e.g. 00:00:01.");
        }

        if (options.InteractiveReadBudget <= TimeSpan.Zero || options.InteractiveReadBudget > TimeSpan.FromMinutes(5))
        {
            failures.Add($"{RunsOptions.SectionName}:InteractiveReadBudget must be positive and at most 00:05:00, e.g. 00:00:10.");
        }

        if (options.SyncInterval <= TimeSpan.Zero)
        {
            failures.Add($"{RunsOptions.SectionName}:SyncInterval must be positive, e.g. 00:00:05.");
        }

        if (options.BackfillPageDelay < TimeSpan.Zero)
        {
            failures.Add($"{RunsOptions.SectionName}:BackfillPageDelay must not be negative, e.g. 00:00:00.100.");
        }

        if (options.RetainFor is { } retain && retain < TimeSpan.FromHours(1))
        {
            failures.Add($"{RunsOptions.SectionName}:RetainFor must be at least 01:00:00 when set, e.g. 90.00:00:00.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
