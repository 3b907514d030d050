using System.CommandLine;

namespace Airgate.Cli;

/// <summary><c>airgate serve</c>: run the gateway against the configured Airflow.</summary>
internal static class ServeCommand
{
    public static Command Create()
    {
        var command = new Command("serve", "Run the gateway (the default command).")
        {
            TreatUnmatchedTokensAsErrors = false,
        };
        command.SetAction((parseResult, cancellationToken) => RunAsync([.. parseResult.UnmatchedTokens], cancellationToken));
        return command;
    }

    public static async Task<int> RunAsync(string[] hostArgs, CancellationToken cancellationToken)
    {
        WebApplication app;
        try
        {
            app = Program.BuildGateway(hostArgs);
        }
        catch (InvalidDataException e) when (Configuration.SettingsFileError.Describe(e) is { } line)
        {
            await Console.Error.WriteLineAsync(line);
            return 1;
        }

        await using (app)
        {
            return await GatewayRunner.RunAsync(app, cancellationToken);
        }
    }
}
