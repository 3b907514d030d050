using System.CommandLine;
using Airgate.Core.Registry;

namespace Airgate.Cli;

/// <summary><c>airgate registry ...</c>: commands for the repository where teams keep their profiles and manifests.</summary>
internal static class RegistryCommands
{
    public static Command Create()
    {
        var directory = new Argument<string>("dir") { Description = "The registry directory: every *.json below it is a profile or a manifest." };
        var check = new Command("check", "Load a registry directory and print every problem as file:pointer: message; exits 0 when clean, 1 with problems, 2 when the directory is missing.")
        {
            directory,
        };
        check.SetAction((parseResult, cancellationToken) =>
        {
            var path = parseResult.GetValue(directory) ?? string.Empty;
            return Task.FromResult(RegistryCheck.Run(path, parseResult.InvocationConfiguration.Output, parseResult.InvocationConfiguration.Error));
        });

        return new Command("registry", "Work with a pipeline registry (profiles and workflow manifests).") { check };
    }
}
