using System.CommandLine;
using Airgate.Core.Registry;
using Airgate.Core.Registry.DynamoDb;

namespace Airgate.Cli;

/// <summary><c>airgate registry ...</c>: commands for the repository where teams keep their profiles and manifests.</summary>
internal static class RegistryCommands
{
    public static Command Create()
    {
        var directory = new Argument<string?>("dir")
        {
            Description = "The registry directory: every *.json below it is a profile or a manifest. Without it, the registry serve would read (Airgate:Registry:Source, Path or DynamoDb).",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var strict = new Option<bool>("--strict") { Description = "Exit 1 on warnings too (files that load but have problems)." };
        var check = new Command("check", "Load a registry and print every problem as file:pointer: severity: message (table[key]:pointer for DynamoDB); exits 0 when it has no errors (and, with --strict, no warnings), 1 otherwise, 2 when the directory or tables cannot be read.")
        {
            directory,
            strict,
        };
        check.TreatUnmatchedTokensAsErrors = false;
        check.SetAction(async (parseResult, cancellationToken) =>
        {
            var output = parseResult.InvocationConfiguration.Output;
            var error = parseResult.InvocationConfiguration.Error;
            var hostArgs = parseResult.UnmatchedTokens.ToList();
            var path = parseResult.GetValue(directory);
            if (path is not null && path.StartsWith("--", StringComparison.Ordinal))
            {
                // A configuration switch (--Airgate:Registry:Source=DynamoDb) where the optional directory would go.
                hostArgs.Insert(0, path);
                path = null;
            }

            if (path is not null)
            {
                return RegistryCheck.Run(path, output, error, parseResult.GetValue(strict));
            }

            var options = ConfiguredOptions([.. hostArgs]);
            if (options.Source == RegistrySource.Directory)
            {
                return RegistryCheck.Run(options.Path, output, error, parseResult.GetValue(strict));
            }

            using var client = DynamoDbClients.Create(options.DynamoDb);
            return await RegistryCheck.RunAsync(options, client, output, error, parseResult.GetValue(strict), cancellationToken);
        });

        var source = new Argument<string>("dir") { Description = "The registry directory to write into CAPE's tables." };
        var dryRun = new Option<bool>("--dry-run") { Description = "Print what would be written (new, changed, unchanged), write nothing." };
        var createTables = new Option<bool>("--create-tables") { Description = "Create missing tables in CAPE's layout (key, PipelineNameVerIndex), e.g. in a local DynamoDB for development." };
        var push = new Command("push", "Write a directory registry into CAPE's DynamoDB tables (Airgate:Registry:DynamoDb:*, the same settings as serve; --Airgate:... switches work): one item per profile (inheritance resolved into parametersSchema.$defs) and per manifest. Idempotent; a registry with errors writes nothing; exit 1 on registry errors, 2 when DynamoDB refuses.")
        {
            source,
            dryRun,
            createTables,
        };
        push.TreatUnmatchedTokensAsErrors = false;
        push.SetAction(async (parseResult, cancellationToken) =>
        {
            var error = parseResult.InvocationConfiguration.Error;
            var options = ConfiguredOptions([.. parseResult.UnmatchedTokens]) with { Source = RegistrySource.DynamoDb, Path = string.Empty };
            if (DynamoDbSettingsProblems(options) is { Count: > 0 } problems)
            {
                foreach (var problem in problems)
                {
                    await error.WriteLineAsync(problem);
                }

                return RegistryPush.ExitUnavailable;
            }

            using var client = DynamoDbClients.Create(options.DynamoDb);
            return await RegistryPush.RunAsync(
                parseResult.GetValue(source) ?? string.Empty, client, options.DynamoDb, parseResult.GetValue(dryRun), parseResult.GetValue(createTables),
                parseResult.InvocationConfiguration.Output, error, cancellationToken);
        });

        return new Command("registry", "Work with a pipeline registry (profiles and workflow manifests).") { check, push };
    }

    /// <summary>The registry settings serve would read: appsettings*.json, Airgate__* variables and --Airgate:... switches.</summary>
    private static RegistryOptions ConfiguredOptions(string[] hostArgs)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = hostArgs });
        return builder.Configuration.GetSection(RegistryOptions.SectionName).Get<RegistryOptions>() ?? new RegistryOptions();
    }

    private static List<string> DynamoDbSettingsProblems(RegistryOptions options) =>
        [.. RegistryOptionsCheck.Problems(options)];
}
