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
            app.Services.GetService<IStartupValidator>()?.Validate();
            await app.RunAsync(cancellationToken);
            return 0;
        }
        catch (Exception e) when (ValidationFailures(e) is { Count: > 0 } failures)
        {
            await Console.Error.WriteLineAsync("Airgate cannot start; fix its configuration:");
            foreach (var failure in failures)
            {
                await Console.Error.WriteLineAsync($"  - {failure}");
            }

            return 1;
        }
        catch (IOException e) when (e.InnerException is Microsoft.AspNetCore.Connections.AddressInUseException)
        {
            await Console.Error.WriteLineAsync($"Airgate cannot start: {e.Message} Choose another address with --urls.");
            return 1;
        }
    }

    /// <summary>Every option failure, whether one section failed or several (then they come aggregated).</summary>
    private static List<string> ValidationFailures(Exception e) => e switch
    {
        OptionsValidationException single => [.. single.Failures],
        AggregateException many when many.InnerExceptions.All(i => i is OptionsValidationException) =>
            [.. many.InnerExceptions.OfType<OptionsValidationException>().SelectMany(i => i.Failures)],
        _ => [],
    };
}
