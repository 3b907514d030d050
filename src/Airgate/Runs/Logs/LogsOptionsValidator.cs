using Microsoft.Extensions.Options;

namespace Airgate.Runs.Logs;

internal sealed class LogsOptionsValidator : IValidateOptions<LogsOptions>
{
    public ValidateOptionsResult Validate(string? name, LogsOptions options)
    {
        List<string> failures = [];
        if (options.FollowInterval <= TimeSpan.Zero)
        {
            failures.Add($"{LogsOptions.SectionName}:FollowInterval must be positive, e.g. 00:00:02.");
        }

        if (options.KeepAliveInterval < TimeSpan.FromSeconds(1))
        {
            failures.Add($"{LogsOptions.SectionName}:KeepAliveInterval must be at least 00:00:01, e.g. 00:00:15.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
