using System.CommandLine;

namespace Airgate.Cli;

internal static class RegistryCommands
{
    public static Command Create() => new("registry", "Not built yet.");
}
