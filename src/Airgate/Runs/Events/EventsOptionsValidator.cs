using Microsoft.Extensions.Options;

namespace Airgate.Runs.Events;

internal sealed class EventsOptionsValidator : IValidateOptions<EventsOptions>
{
    public ValidateOptionsResult Validate(string? name, EventsOptions options)
    {
        List<string> failures = [];
        if (options.PollInterval < TimeSpan.FromMilliseconds(100))
        {
            failures.Add($"{EventsOptions.SectionName}:PollInterval must be at least 00:00:00.100, e.g. 00:00:02.");
        }

        if (options.KeepAliveInterval <= TimeSpan.Zero)
        {
            failures.Add($"{EventsOptions.SectionName}:KeepAliveInterval must be positive, e.g. 00:00:15.");
        }

        if (options.MaxStreamsPerUser < 1)
        {
            failures.Add($"{EventsOptions.SectionName}:MaxStreamsPerUser must be at least 1, e.g. 20.");
        }

        if (options.MaxStreams < options.MaxStreamsPerUser)
        {
            failures.Add($"{EventsOptions.SectionName}:MaxStreams must be at least MaxStreamsPerUser, e.g. 1000.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
