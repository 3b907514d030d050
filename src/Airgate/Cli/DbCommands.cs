using System.CommandLine;

namespace Airgate.Cli;

internal static class DbCommands
{
    public static Command Create() => new("db", "Not built yet.");
}
