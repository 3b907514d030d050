using System.CommandLine;

namespace Airgate.Cli;

internal static class SchemaCommands
{
    public static Command Create() => new("schema", "Not built yet.");
}
