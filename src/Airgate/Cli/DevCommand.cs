using System.CommandLine;

namespace Airgate.Cli;

internal static class DevCommand
{
    public static Command Create() => new("dev", "Not built yet.");
}
