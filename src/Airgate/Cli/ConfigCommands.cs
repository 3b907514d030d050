using System.CommandLine;
using Airgate.Configuration;
using Microsoft.Extensions.Options;

namespace Airgate.Cli;

/// <summary><c>airgate config check</c>: the effective configuration, secrets masked, and every problem in it.</summary>
internal static class ConfigCommands
{
    public static Command Create()
    {
        var check = new Command("check", "Print the effective configuration (secrets masked) and every problem in it; exit 1 if there is one. Takes the same switches as serve (--Airgate:Auth:Mode=Jwt, --environment ...).")
        {
            TreatUnmatchedTokensAsErrors = false,
        };
        check.SetAction((parseResult, _) => Task.FromResult(Check([.. parseResult.UnmatchedTokens], parseResult.InvocationConfiguration.Output)));
        return new Command("config", "Inspect Airgate's configuration.") { check };
    }

    public static int Check(string[] hostArgs, TextWriter output)
    {
        // The server's own builder, so every source (appsettings*.json, Airgate__* variables, switches) counts as it would.
        WebApplication app;
        try
        {
            app = Program.BuildGateway(hostArgs, builder => builder.Logging.ClearProviders());
        }
        catch (InvalidDataException e) when (SettingsFileError.Describe(e) is { } line)
        {
            output.WriteLine(line);
            return 1;
        }

        using var built = app;
        output.WriteLine($"Environment: {app.Environment.EnvironmentName}. Read from (later sources win):");
        foreach (var line in SettingsFiles.Describe(app.Configuration))
        {
            output.WriteLine($"  {line}");
        }

        output.WriteLine("Effective configuration:");
        foreach (var line in ConfigurationReport.Lines(app.Configuration))
        {
            output.WriteLine($"  {line}");
        }

        var problems = ConfigurationChecker.Check(app.Configuration).ToList();
        if (problems.Count == 0)
        {
            try
            {
                app.Services.GetService<IStartupValidator>()?.Validate();
            }
            catch (Exception e) when (GatewayRunner.ValidationFailures(e) is { Count: > 0 } failures)
            {
                problems.AddRange(failures);
            }
        }

        output.WriteLine(problems.Count == 0 ? "No problems found." : $"{problems.Count} problem(s):");
        foreach (var problem in problems)
        {
            output.WriteLine($"  - {problem}");
        }

        return problems.Count == 0 ? 0 : 1;
    }
}
