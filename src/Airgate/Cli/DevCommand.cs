using System.CommandLine;
using System.Text.RegularExpressions;
using Airgate.AirflowEmulator;
using Airgate.Core.Manifests;
using Airgate.Core.Registry;
using Airgate.Core.Registry.DynamoDb;
using Airgate.Telemetry;
using Microsoft.Extensions.Configuration.Memory;

namespace Airgate.Cli;

/// <summary>
/// <c>airgate dev</c>: the gateway on a throw-away SQLite file, the example registry (or <c>--registry</c>) and an
/// emulated Airflow on a loopback port, so a front end can be built with no Airflow at all.
/// </summary>
internal static partial class DevCommand
{
    private const string DefaultUrls = "http://localhost:5080";
    private const string DefaultPipelinesTable = "cape-dap-registry";
    private const string DefaultWorkflowsTable = "cape-workflow-registry";

    public static Command Create()
    {
        var registry = new Option<DirectoryInfo?>("--registry") { Description = "Registry directory (default: examples/registry)." };
        var registryDynamoDb = new Option<string?>("--registry-dynamodb")
        {
            Description = $"Read the registry from CAPE's DynamoDB tables at this endpoint (e.g. a local server seeded with `airgate registry push`) instead of a directory; tables {DefaultPipelinesTable} and {DefaultWorkflowsTable} unless Airgate:Registry:DynamoDb:* says otherwise.",
        };
        var urls = new Option<string?>("--urls") { Description = $"Where the gateway listens (default: {DefaultUrls})." };
        var airflowApi = new Option<string>("--airflow-api")
        {
            Description = "The API the emulated Airflow speaks: v2 (Airflow 3) or v1 (Airflow 2.x); the gateway detects it (ApiVersion auto).",
            DefaultValueFactory = _ => "v2",
        };
        var transport = new Option<string>("--airflow-transport")
        {
            Description = "How the gateway reaches the emulated Airflow: http (BaseUrl and a login) or mwaa (an emulated Amazon MWAA: SigV4-signed InvokeRestApi).",
            DefaultValueFactory = _ => "http",
        };
        var command = new Command("dev", "Run the gateway against an emulated Airflow, for front-end development.")
        {
            registry,
            registryDynamoDb,
            urls,
            airflowApi,
            transport,
        };
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction((parseResult, cancellationToken) => RunAsync(
            parseResult.GetValue(registry)?.FullName,
            parseResult.GetValue(registryDynamoDb),
            parseResult.GetValue(urls),
            parseResult.GetValue(airflowApi),
            parseResult.GetValue(transport),
            [.. parseResult.UnmatchedTokens],
            cancellationToken));
        return command;
    }

    /// <summary>The emulated API named on the command line (<c>v2</c> or <c>v1</c>), or null for anything else.</summary>
    internal static EmulatedApi? ParseApi(string? api) => api switch
    {
        "v2" => EmulatedApi.V2,
        "v1" => EmulatedApi.V1,
        _ => null,
    };

    private static async Task<int> RunAsync(string? registryPath, string? dynamoDbEndpoint, string? urls, string? airflowApi, string? transport, string[] hostArgs, CancellationToken cancellationToken)
    {
        if (transport is not ("http" or "mwaa"))
        {
            await Console.Error.WriteLineAsync($"--airflow-transport {transport}: use http or mwaa.");
            return 2;
        }

        var mwaa = transport == "mwaa" ? new EmulatedMwaa() : null;
        if (ParseApi(airflowApi) is not { } api)
        {
            await Console.Error.WriteLineAsync($"--airflow-api {airflowApi}: the emulated Airflow speaks v2 (Airflow 3) or v1 (Airflow 2.x).");
            return 2;
        }

        RegistrySnapshot snapshot;
        Dictionary<string, string?> registrySettings;
        if (dynamoDbEndpoint is not null)
        {
            if (registryPath is not null)
            {
                await Console.Error.WriteLineAsync("Pass either --registry <dir> or --registry-dynamodb <endpoint>, not both.");
                return 2;
            }

            if (await DynamoDbRegistryAsync(dynamoDbEndpoint, hostArgs, cancellationToken) is not { } read)
            {
                return 2;
            }

            (snapshot, registrySettings, registryPath) = read;
        }
        else
        {
            registryPath ??= ExampleFolders.Find("examples", "registry");
            if (registryPath is null || !Directory.Exists(registryPath))
            {
                await Console.Error.WriteLineAsync(
                    $"The registry directory '{registryPath ?? "examples/registry"}' does not exist. Pass --registry <dir>.");
                return 2;
            }

            snapshot = RegistryLoader.Load(registryPath);
            registrySettings = new() { ["Airgate:Registry:Path"] = registryPath };
        }

        // Every manifest without a fixture gets an emulated DAG, so any registry can be tried.
        AirflowEmulator.AirflowEmulator created;
        try
        {
            created = new AirflowEmulator.AirflowEmulator(new EmulatorOptions
            {
                FixturesPath = ExampleFolders.Find("examples", "emulator", "dags"),
                GeneratedDags = [.. snapshot.Manifests.Select(GeneratedDagFor)],
                Api = api,
                Mwaa = mwaa,
            });
        }
        catch (Exception e) when (e is InvalidDataException or ArgumentException)
        {
            // One line a person can act on (a broken DAG fixture), never a stack trace.
            await Console.Error.WriteLineAsync($"The emulated Airflow cannot start: {e.Message}");
            return 1;
        }

        await using var emulator = created;
        var airflowUrl = await emulator.StartAsync("http://127.0.0.1:0", cancellationToken);
        var dataDirectory = Directory.CreateTempSubdirectory("airgate-dev-");

        // The host says Development, as it is, unless the developer chose another environment.
        if (!hostArgs.Any(arg => arg.StartsWith("--environment", StringComparison.OrdinalIgnoreCase))
            && Environment.GetEnvironmentVariable("ASPNETCORE_ENVIRONMENT") is null && Environment.GetEnvironmentVariable("DOTNET_ENVIRONMENT") is null)
        {
            hostArgs = ["--environment", "Development", .. hostArgs];
        }

        await using var app = Program.BuildGateway(hostArgs, builder =>
        {
            builder.UseReadableConsoleLogs();
            // Lowest priority: anything the developer configures (appsettings, environment) may change these.
            builder.Configuration.Sources.Insert(0, new MemoryConfigurationSource
            {
                InitialData = new Dictionary<string, string?>
                {
                    ["Airgate:Database:Provider"] = "Sqlite",
                    ["Airgate:Database:ConnectionString"] = $"Data Source={Path.Combine(dataDirectory.FullName, "airgate.db")}",
                    ["Airgate:Auth:Mode"] = "Development",
                    ["urls"] = DefaultUrls,
                },
            });
            // Highest priority: dev always talks to its own emulator and its chosen registry.
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Airgate:Airflow:BaseUrl"] = airflowUrl.ToString(),
                ["Airgate:Airflow:Username"] = "admin",
                ["Airgate:Airflow:Password"] = "admin",
                ["Airgate:Airflow:Token"] = null,

                // As in production: the gateway asks the emulator which API it speaks (and logs the answer).
                ["Airgate:Airflow:ApiVersion"] = "auto",
                ["Airgate:Auth:AllowDevelopmentMode"] = "true",
                // Front-end dev servers (Vite, webpack) run on another local port and call the API from the browser.
                ["Airgate:Auth:Cors:AllowLoopbackOrigins"] = "true",
                // The launchpad is how a newcomer first sees Airgate work.
                ["Airgate:Ui:Enabled"] = "true",
                ["urls"] = urls,
            }.Concat(registrySettings).Where(setting => setting.Key != "urls" || setting.Value is not null));
            if (mwaa is not null)
            {
                UseEmulatedMwaa(builder, mwaa, airflowUrl);
            }
        });

        // The first thing a newcomer reads: where the page is. Logs follow.
        var address = Regex.Replace((app.Configuration["urls"] ?? DefaultUrls).Split(';')[0].TrimEnd('/'), @"://(\+|\*|0\.0\.0\.0|\[::\])", "://localhost");
        await Console.Out.WriteLineAsync($"Airgate dev: open {address}/ (the launchpad) or {address}/docs (the API reference). Ctrl+C stops it.");
        LogEmulatedAirflow(app.Logger, airflowUrl, (api == EmulatedApi.V1 ? "Airflow 2, /api/v1" : "Airflow 3, /api/v2") + (mwaa is null ? string.Empty : $", behind an emulated Amazon MWAA: POST /restapi/{mwaa.Environment}, SigV4 region {mwaa.Region}"), emulator.DagIds.Count, registryPath, dataDirectory.FullName);
        try
        {
            return await GatewayRunner.RunAsync(app, cancellationToken);
        }
        finally
        {
            TryDelete(dataDirectory);
        }
    }

    /// <summary>
    /// The tables at <paramref name="endpoint"/> read once (for the emulated DAGs), and the settings that make the gateway
    /// read them too. A local server needs no real credentials, so when the AWS chain has none, placeholder keys are set
    /// for this process only.
    /// </summary>
    private static async Task<(RegistrySnapshot Snapshot, Dictionary<string, string?> Settings, string Description)?> DynamoDbRegistryAsync(
        string endpoint, string[] hostArgs, CancellationToken cancellationToken)
    {
        var configured = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = hostArgs }).Configuration;
        var settings = new Dictionary<string, string?>
        {
            ["Airgate:Registry:Source"] = "DynamoDb",
            ["Airgate:Registry:DynamoDb:Endpoint"] = endpoint,
            ["Airgate:Registry:DynamoDb:PipelinesTable"] = configured["Airgate:Registry:DynamoDb:PipelinesTable"] ?? DefaultPipelinesTable,
            ["Airgate:Registry:DynamoDb:WorkflowsTable"] = configured["Airgate:Registry:DynamoDb:WorkflowsTable"] ?? DefaultWorkflowsTable,
        };
        var options = new RegistryOptions
        {
            Source = RegistrySource.DynamoDb,
            DynamoDb = new DynamoDbRegistryOptions
            {
                Endpoint = endpoint,
                PipelinesTable = settings["Airgate:Registry:DynamoDb:PipelinesTable"] ?? DefaultPipelinesTable,
                WorkflowsTable = settings["Airgate:Registry:DynamoDb:WorkflowsTable"] ?? DefaultWorkflowsTable,
                Region = configured["Airgate:Registry:DynamoDb:Region"] ?? string.Empty,
            },
        };
        if (RegistryOptionsCheck.Problems(options).ToList() is { Count: > 0 } problems)
        {
            await Console.Error.WriteLineAsync($"--registry-dynamodb {endpoint}: {string.Join(" ", problems)}");
            return null;
        }

        if (Environment.GetEnvironmentVariable("AWS_ACCESS_KEY_ID") is null && Environment.GetEnvironmentVariable("AWS_PROFILE") is null)
        {
            Environment.SetEnvironmentVariable("AWS_ACCESS_KEY_ID", "airgate-dev");
            Environment.SetEnvironmentVariable("AWS_SECRET_ACCESS_KEY", "airgate-dev");
        }

        using var client = DynamoDbClients.Create(options.DynamoDb);
        try
        {
            var (items, itemProblems) = await DynamoDbRegistryReader.ReadAsync(client, options.DynamoDb, cancellationToken);
            var snapshot = RegistryLoader.LoadItems(items, itemProblems, previous: null);
            return (snapshot, settings, $"DynamoDB at {endpoint} (tables {options.DynamoDb.PipelinesTable}, {options.DynamoDb.WorkflowsTable}; {snapshot.Problems.Count} problems)");
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            await Console.Error.WriteLineAsync(
                $"--registry-dynamodb {endpoint}: the tables cannot be read ({exception.InnerException?.GetType().Name ?? exception.GetType().Name}). Seed them with `airgate registry push <dir> --create-tables --Airgate:Registry:DynamoDb:Endpoint={endpoint}`.");
            return null;
        }
    }

    /// <summary>
    /// The gateway reaches the emulator as it reaches Amazon MWAA: the MWAA transport, signing with the emulator's test
    /// credentials (registered in place of the default AWS chain, so a developer's own AWS credentials are never used).
    /// </summary>
    private static void UseEmulatedMwaa(Microsoft.AspNetCore.Builder.WebApplicationBuilder builder, EmulatedMwaa mwaa, Uri airflowUrl)
    {
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Airgate:Airflow:Transport"] = "Mwaa",
            ["Airgate:Airflow:Mwaa:Environment"] = mwaa.Environment,
            ["Airgate:Airflow:Mwaa:Region"] = mwaa.Region,
            ["Airgate:Airflow:Mwaa:Endpoint"] = airflowUrl.GetLeftPart(UriPartial.Authority),
            ["Airgate:Airflow:BaseUrl"] = null,
            ["Airgate:Airflow:Username"] = null,
            ["Airgate:Airflow:Password"] = null,
        });
        builder.Services.AddSingleton(new Airgate.Airflow.Aws.AwsCredentialChain(new Amazon.Runtime.BasicAWSCredentials(mwaa.AccessKeyId, mwaa.SecretAccessKey)));
    }

    /// <summary>
    /// An emulated DAG for a manifest: one task per task it names, else one per pipeline, else (a manifest whose
    /// pipelines all failed to load) one task <c>run</c>, so the workflow is still listed and refuses triggers as it
    /// would against a real Airflow.
    /// </summary>
    internal static GeneratedDag GeneratedDagFor(WorkflowManifest manifest)
    {
        IReadOnlyList<string> taskIds = manifest.Tasks.Count > 0
            ? [.. manifest.Tasks.Keys]
            : [.. manifest.Pipelines.Select(id => "run_" + NonWordCharacters().Replace(id, "_"))];
        if (taskIds.Count == 0)
        {
            return new GeneratedDag(manifest.DagId, ["run"], $"Emulated DAG for the manifest of {manifest.DagId}, whose pipelines did not load (see GET /api/v1/registry/problems).");
        }

        return new GeneratedDag(manifest.DagId, taskIds, $"Emulated DAG for the manifest of {manifest.DagId}.");
    }

    private static void TryDelete(DirectoryInfo directory)
    {
        try
        {
            directory.Delete(recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message =
        "DEVELOPMENT MODE: Airflow is EMULATED at {AirflowUrl} ({EmulatedApi}, {DagCount} DAGs); no real Airflow is involved. " +
        "Registry: {RegistryPath}. Runs are stored in {DataDirectory} and deleted on exit.")]
    private static partial void LogEmulatedAirflow(ILogger logger, Uri airflowUrl, string emulatedApi, int dagCount, string registryPath, string dataDirectory);

    [GeneratedRegex(@"[^\w]")]
    private static partial Regex NonWordCharacters();
}
