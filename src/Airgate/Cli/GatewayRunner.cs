using Airgate.Configuration;
using Microsoft.Extensions.Options;

namespace Airgate.Cli;

/// <summary>Runs a built gateway; configuration mistakes end in a readable message and exit code 1, not a stack trace.</summary>
internal static class GatewayRunner
{
    public static async Task<int> RunAsync(WebApplication app, CancellationToken cancellationToken)
    {
        try
        {
            // Checked before the host starts, so a bad setting is one readable list rather than the host's stack trace.
            // Unknown keys and unreadable values first: the binder would stop at the first with an exception.
            if (ConfigurationChecker.Check(app.Configuration) is { Count: > 0 } problems)
            {
                await WriteFailuresAsync(problems);
                return 1;
            }

            app.Services.GetService<IStartupValidator>()?.Validate();
            await app.RunAsync(cancellationToken);
            return 0;
        }
        catch (Exception e) when (ValidationFailures(e) is { Count: > 0 } failures)
        {
            await WriteFailuresAsync(failures);
            return 1;
        }
        catch (IOException e) when (e.InnerException is Microsoft.AspNetCore.Connections.AddressInUseException)
        {
            await Console.Error.WriteLineAsync($"Airgate cannot start: {e.Message} Choose another address with --urls.");
            return 1;
        }
    }

    private static async Task WriteFailuresAsync(IEnumerable<string> failures)
    {
        await Console.Error.WriteLineAsync("Airgate cannot start; fix its configuration:");
        foreach (var failure in failures)
        {
            await Console.Error.WriteLineAsync($"  - {failure}");
        }
    }

    /// <summary>Every option failure, whether one section failed or several (then they come aggregated).</summary>
    public static List<string> ValidationFailures(Exception e) => e switch
    {
        OptionsValidationException single => [.. single.Failures],
        AggregateException many when many.InnerExceptions.All(i => i is OptionsValidationException) =>
            [.. many.InnerExceptions.OfType<OptionsValidationException>().SelectMany(i => i.Failures)],

        // The binder's own failure (a value it cannot convert that the checker did not foresee): its first line, no stack.
        InvalidOperationException { Message: var message } when message.StartsWith("Failed to convert configuration value", StringComparison.Ordinal) =>
            [message.Split('\n')[0]],
        _ => [],
    };
}
