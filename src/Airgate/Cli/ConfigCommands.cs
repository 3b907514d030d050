using System.CommandLine;
using Airgate.Airflow;
using Airgate.Airflow.Aws;
using Airgate.Airflow.Mwaa;
using Airgate.Configuration;
using Airgate.Storage;
using Airgate.Storage.Availability;
using Microsoft.Extensions.Options;

namespace Airgate.Cli;

/// <summary><c>airgate config check</c>: the effective configuration, secrets masked, and every problem in it.</summary>
internal static class ConfigCommands
{
    public static Command Create()
    {
        var offline = new Option<bool>("--offline")
        {
            Description = "Do not try to connect to the database (e.g. in a CI pipeline without it); everything else is checked.",
        };
        var check = new Command("check", "Print the effective configuration (secrets masked) and every problem in it, and try the database; exit 1 if there is a problem. Takes the same switches as serve (--Airgate:Auth:Mode=Jwt, --environment ...).")
        {
            TreatUnmatchedTokensAsErrors = false,
        };
        check.Options.Add(offline);
        check.SetAction((parseResult, cancellationToken) => CheckAsync(
            [.. parseResult.UnmatchedTokens], parseResult.InvocationConfiguration.Output, parseResult.GetValue(offline), cancellationToken));
        return new Command("config", "Inspect Airgate's configuration.") { check };
    }

    /// <summary>The longest <c>config check</c> waits for the database to answer.</summary>
    public static readonly TimeSpan DatabaseTimeout = TimeSpan.FromSeconds(5);

    public static async Task<int> CheckAsync(string[] hostArgs, TextWriter output, bool offline = false, CancellationToken cancellationToken = default)
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
        if (problems.Count == 0 && MwaaOptionsIfValid(app.Services) is { } mwaa)
        {
            DescribeMwaa(mwaa, app.Services.GetRequiredService<AwsCredentialChain>(), output, problems);
        }

        if (StorageOptionsIfValid(app.Services) is { } storage)
        {
            await DescribeDatabaseAsync(storage, offline, output, problems, cancellationToken);
        }

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

    /// <summary>
    /// The MWAA settings when the transport is MWAA and the Airflow options pass their validation; invalid options are
    /// reported by the start-up validation below, as one problem, never as an exception.
    /// </summary>
    private static MwaaOptions? MwaaOptionsIfValid(IServiceProvider services)
    {
        try
        {
            return services.GetRequiredService<IOptions<AirflowOptions>>().Value is { Transport: AirflowTransport.Mwaa } airflow ? airflow.Mwaa : null;
        }
        catch (OptionsValidationException)
        {
            return null;
        }
    }

    private static StorageOptions? StorageOptionsIfValid(IServiceProvider services)
    {
        try
        {
            return services.GetRequiredService<IOptions<StorageOptions>>().Value;
        }
        catch (OptionsValidationException)
        {
            // Reported by the start-up validation, with the key and the fix.
            return null;
        }
    }

    /// <summary>
    /// One try at the database (no migration, no file created): a database <c>serve</c> could not use, unreachable or
    /// read-only, is a problem (exit 1), since <c>serve</c> would not be ready; <c>--offline</c> skips it and says so.
    /// </summary>
    private static async Task DescribeDatabaseAsync(StorageOptions storage, bool offline, TextWriter output, List<string> problems, CancellationToken cancellationToken)
    {
        if (offline)
        {
            output.WriteLine($"Database: not tried (--offline): {DatabaseEndpoint.Describe(storage)}");
            return;
        }

        var (state, detail) = await DatabaseProbe.TryOnceAsync(storage, DatabaseTimeout, cancellationToken);
        output.WriteLine($"Database: {detail}");
        if (state is DatabaseState.Unreachable or DatabaseState.ReadOnly)
        {
            problems.Add($"Database: {detail} (serve would start but not be ready; --offline skips this check)");
        }
    }

    /// <summary>What the MWAA transport will use: environment, region, endpoint and the kind of credential source found (never a secret).</summary>
    private static void DescribeMwaa(MwaaOptions mwaa, AwsCredentialChain credentials, TextWriter output, List<string> problems)
    {
        var region = AwsCredentialChain.ResolveRegion(mwaa.Region);
        var source = credentials.DescribeSource();
        output.WriteLine("Airflow transport: Mwaa (Amazon MWAA InvokeRestApi, SigV4 service 'airflow')");
        output.WriteLine($"  environment = {mwaa.Environment}");
        output.WriteLine($"  region = {region ?? "(none found)"}{(mwaa.Region is null && region is not null ? " (from the AWS environment)" : string.Empty)}");
        output.WriteLine($"  endpoint = {mwaa.Endpoint ?? (region is null ? "(needs a region)" : MwaaOptions.DefaultEndpoint(region))}");
        output.WriteLine($"  AWS credentials = {source ?? "(none found)"}");
        if (region is null)
        {
            problems.Add("Airgate:Airflow:Mwaa:Region is not set and the AWS environment names no region (AWS_REGION, profile): set one of them.");
        }

        if (source is null)
        {
            problems.Add("No AWS credentials found (environment variables, shared profile, web identity, container or instance role): Airflow calls over MWAA would be refused.");
        }
    }
}
