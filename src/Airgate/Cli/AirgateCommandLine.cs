using System.CommandLine;

namespace Airgate.Cli;

/// <summary>The <c>airgate</c> executable's commands; <c>serve</c> is the default.</summary>
internal static class AirgateCommandLine
{
    public static Task<int> InvokeAsync(string[] args)
    {
        var root = new RootCommand("Airgate: a gateway between a web front end and Apache Airflow 3.")
        {
            TreatUnmatchedTokensAsErrors = false,
        };
        // Without a subcommand Airgate serves; ASP.NET Core's own switches (--urls, --environment) pass through.
        root.SetAction((parseResult, cancellationToken) =>
            ServeCommand.RunAsync([.. parseResult.UnmatchedTokens], cancellationToken));

        root.Subcommands.Add(ServeCommand.Create());
        root.Subcommands.Add(DevCommand.Create());
        root.Subcommands.Add(EmulatorCommand.Create());
        root.Subcommands.Add(RegistryCommands.Create());
        root.Subcommands.Add(DbCommands.Create());
        root.Subcommands.Add(SchemaCommands.Create());
        root.Subcommands.Add(ConfigCommands.Create());
        return root.Parse(args).InvokeAsync();
    }
}
