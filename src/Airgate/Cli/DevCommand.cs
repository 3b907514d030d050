using System.CommandLine;
using System.Text.RegularExpressions;
using Airgate.AirflowEmulator;
using Airgate.Core.Manifests;
using Airgate.Core.Registry;
using Microsoft.Extensions.Configuration.Memory;

namespace Airgate.Cli;

/// <summary>
/// <c>airgate dev</c>: the gateway on a throw-away SQLite file, the example registry (or <c>--registry</c>) and an
/// emulated Airflow on a loopback port, so a front end can be built with no Airflow at all.
/// </summary>
internal static partial class DevCommand
{
    private const string DefaultUrls = "http://localhost:5080";

    public static Command Create()
    {
        var registry = new Option<DirectoryInfo?>("--registry") { Description = "Registry directory (default: examples/registry)." };
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
            urls,
            airflowApi,
            transport,
        };
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction((parseResult, cancellationToken) => RunAsync(
            parseResult.GetValue(registry)?.FullName,
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

    private static async Task<int> RunAsync(string? registryPath, string? urls, string? airflowApi, string? transport, string[] hostArgs, CancellationToken cancellationToken)
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

        registryPath ??= ExampleFolders.Find("examples", "registry");
        if (registryPath is null || !Directory.Exists(registryPath))
        {
            await Console.Error.WriteLineAsync(
                $"The registry directory '{registryPath ?? "examples/registry"}' does not exist. Pass --registry <dir>.");
            return 2;
        }

        // Every manifest without a fixture gets an emulated DAG, so any registry can be tried.
        var snapshot = RegistryLoader.Load(registryPath);
        await using var emulator = new AirflowEmulator.AirflowEmulator(new EmulatorOptions
        {
            FixturesPath = ExampleFolders.Find("examples", "emulator", "dags"),
            GeneratedDags = [.. snapshot.Manifests.Select(GeneratedDagFor)],
            Api = api,
            Mwaa = mwaa,
        });
        var airflowUrl = await emulator.StartAsync("http://127.0.0.1:0", cancellationToken);
        var dataDirectory = Directory.CreateTempSubdirectory("airgate-dev-");

        await using var app = Program.BuildGateway(hostArgs, builder =>
        {
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
                ["Airgate:Registry:Path"] = registryPath,
                ["Airgate:Auth:AllowDevelopmentMode"] = "true",
                // Front-end dev servers (Vite, webpack) run on another local port and call the API from the browser.
                ["Airgate:Auth:Cors:AllowLoopbackOrigins"] = "true",
                // The launchpad is how a newcomer first sees Airgate work.
                ["Airgate:Ui:Enabled"] = "true",
                ["urls"] = urls,
            }.Where(setting => setting.Key != "urls" || setting.Value is not null));
            if (mwaa is not null)
            {
                UseEmulatedMwaa(builder, mwaa, airflowUrl);
            }
        });

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

    internal static GeneratedDag GeneratedDagFor(WorkflowManifest manifest)
    {
        IReadOnlyList<string> taskIds = manifest.Tasks.Count > 0
            ? [.. manifest.Tasks.Keys]
            : [.. manifest.Pipelines.Select(id => "run_" + NonWordCharacters().Replace(id, "_"))];
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
