using System.CommandLine;
using System.Data.Common;
using Airgate.Storage;
using Airgate.Storage.Migrations;
using Microsoft.Extensions.Options;

namespace Airgate.Cli;

/// <summary><c>airgate db migrate</c>: bring the run database's schema up to date, outside the server.</summary>
internal static class DbCommands
{
    public static Command Create()
    {
        var provider = new Option<string?>("--provider")
        {
            Description = $"'Sqlite' or 'Postgres' (default: {StorageOptions.SectionName}:Provider, or Sqlite).",
        };
        var connectionString = new Option<string?>("--connection-string")
        {
            Description = $"The database's connection string (default: {StorageOptions.SectionName}:ConnectionString).",
        };
        var migrate = new Command("migrate", "Apply pending schema migrations to the configured database and print the versions applied.")
        {
            provider,
            connectionString,
        };
        migrate.SetAction((parseResult, cancellationToken) => MigrateAsync(
            parseResult.GetValue(provider),
            parseResult.GetValue(connectionString),
            parseResult.InvocationConfiguration.Output,
            parseResult.InvocationConfiguration.Error,
            cancellationToken));

        return new Command("db", "Manage the run database.") { migrate };
    }

    private static async Task<int> MigrateAsync(string? provider, string? connectionString, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        // The server's own configuration sources (appsettings*.json, Airgate__Database__* environment variables),
        // with the command's options on top, so both always migrate the same database.
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = [] });
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        var overrides = new Dictionary<string, string?>();
        if (provider is not null)
        {
            overrides[$"{StorageOptions.SectionName}:Provider"] = provider;
        }

        if (connectionString is not null)
        {
            overrides[$"{StorageOptions.SectionName}:ConnectionString"] = connectionString;
        }

        builder.Configuration.AddInMemoryCollection(overrides);
        builder.Services.AddRunStore();

        try
        {
            using var host = builder.Build();
            var options = host.Services.GetRequiredService<IOptions<StorageOptions>>().Value;
            var migrator = host.Services.GetRequiredService<DatabaseMigrator>();
            await output.WriteLineAsync($"Migrating the {options.ParsedProvider} database.");

            var result = await migrator.MigrateAsync(cancellationToken);
            foreach (var applied in result.Applied)
            {
                await output.WriteLineAsync($"Applied {applied.Name} (version {applied.Version}).");
            }

            await output.WriteLineAsync(result.Applied.Count == 0
                ? $"The schema is up to date at version {result.CurrentVersion}."
                : $"The schema is now at version {result.CurrentVersion}.");
            return 0;
        }
        catch (OptionsValidationException e)
        {
            foreach (var failure in e.Failures)
            {
                await error.WriteLineAsync($"Configuration error: {failure}");
            }

            return 1;
        }
        catch (MigrationException e)
        {
            await error.WriteLineAsync($"Migration refused: {e.Message}");
            return 1;
        }
        catch (DbException e)
        {
            await error.WriteLineAsync($"Cannot use the database: {e.Message}");
            return 1;
        }
    }
}
