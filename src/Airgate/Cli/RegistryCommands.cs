using System.CommandLine;
using Airgate.Core.Registry;

namespace Airgate.Cli;

/// <summary><c>airgate registry ...</c>: commands for the repository where teams keep their profiles and manifests.</summary>
internal static class RegistryCommands
{
    public static Command Create()
    {
        var directory = new Argument<string>("dir") { Description = "The registry directory: every *.json below it is a profile or a manifest." };
        var strict = new Option<bool>("--strict") { Description = "Exit 1 on warnings too (files that load but have problems)." };
        var check = new Command("check", "Load a registry directory and print every problem as file:pointer: severity: message; exits 0 when it has no errors (and, with --strict, no warnings), 1 otherwise, 2 when the directory is missing.")
        {
            directory,
            strict,
        };
        check.SetAction((parseResult, cancellationToken) =>
        {
            var path = parseResult.GetValue(directory) ?? string.Empty;
            return Task.FromResult(RegistryCheck.Run(path, parseResult.InvocationConfiguration.Output, parseResult.InvocationConfiguration.Error, parseResult.GetValue(strict)));
        });

        return new Command("registry", "Work with a pipeline registry (profiles and workflow manifests).") { check };
    }
}
