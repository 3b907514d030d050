using System.CommandLine;
using System.Runtime.InteropServices;
using Airgate.AirflowEmulator;
using Airgate.Core.Registry;

namespace Airgate.Cli;

/// <summary>
/// <c>airgate emulator</c>: the emulated Airflow alone on a port, so several gateways, a benchmark or a front-end
/// team can share one; its control API lives under <c>/_emulator/</c> (see <c>examples/emulator/README.md</c>).
/// </summary>
internal static class EmulatorCommand
{
    private const string DefaultUrls = "http://127.0.0.1:5090";

    public static Command Create()
    {
        var urls = new Option<string?>("--urls") { Description = $"Where the emulator listens (default: {DefaultUrls})." };
        var registry = new Option<DirectoryInfo?>("--registry")
        {
            Description = "Registry directory: each manifest without a DAG fixture gets an emulated DAG (default: examples/registry).",
        };
        var dags = new Option<DirectoryInfo?>("--dags") { Description = "DAG fixture directory (default: examples/emulator/dags)." };
        var api = new Option<string>("--api") { Description = "Airflow API version to emulate: v2 (Airflow 3) or v1 (Airflow 2.x).", DefaultValueFactory = _ => "v2" };
        var mwaa = new Option<bool>("--mwaa")
        {
            Description = "Serve it as Amazon MWAA does: only SigV4-signed POST /restapi/airgate-dev envelopes (region us-east-1, the test credentials in examples/emulator/README.md).",
        };
        var command = new Command("emulator", "Run the emulated Airflow alone, with its control API under /_emulator/.")
        {
            urls,
            registry,
            dags,
            api,
            mwaa,
        };
        command.SetAction((parseResult, cancellationToken) => RunAsync(
            parseResult.GetValue(urls) ?? DefaultUrls,
            parseResult.GetValue(registry)?.FullName,
            parseResult.GetValue(dags)?.FullName,
            parseResult.GetValue(api),
            parseResult.GetValue(mwaa),
            cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(string urls, string? registryPath, string? dagsPath, string? api, bool mwaa, CancellationToken cancellationToken)
    {
        if (DevCommand.ParseApi(api) is not { } emulated)
        {
            await Console.Error.WriteLineAsync($"--api {api}: the emulator speaks v2 (Airflow 3's /api/v2) or v1 (Airflow 2's /api/v1).");
            return 2;
        }

        registryPath ??= ExampleFolders.Find("examples", "registry");
        dagsPath ??= ExampleFolders.Find("examples", "emulator", "dags");
        foreach (var (name, path) in new[] { ("--registry", registryPath), ("--dags", dagsPath) })
        {
            if (path is not null && !Directory.Exists(path))
            {
                await Console.Error.WriteLineAsync($"The directory '{path}' given by {name} does not exist.");
                return 2;
            }
        }

        AirflowEmulator.AirflowEmulator emulator;
        try
        {
            var manifests = registryPath is null ? [] : RegistryLoader.Load(registryPath).Manifests;
            emulator = new AirflowEmulator.AirflowEmulator(new EmulatorOptions
            {
                FixturesPath = dagsPath,
                GeneratedDags = [.. manifests.Select(DevCommand.GeneratedDagFor)],
                Api = emulated,
                Mwaa = mwaa ? new EmulatedMwaa() : null,
            });
        }
        catch (Exception e) when (e is InvalidDataException or ArgumentException)
        {
            await Console.Error.WriteLineAsync($"The emulator cannot start: {e.Message}");
            return 1;
        }

        await using (emulator)
        {
            Uri address;
            try
            {
                address = await emulator.StartAsync(urls, cancellationToken);
            }
            catch (IOException e)
            {
                await Console.Error.WriteLineAsync($"The emulator cannot listen on {urls}: {e.Message}");
                return 1;
            }

            var described = emulated == EmulatedApi.V1 ? "Airflow 2 (/api/v1, basic auth admin/admin)" : "Airflow 3 (/api/v2, user admin/admin)";
            if (mwaa)
            {
                var emulatedMwaa = new EmulatedMwaa();
                described += $" behind an emulated Amazon MWAA (POST /restapi/{emulatedMwaa.Environment}, SigV4 for region {emulatedMwaa.Region}, access key {emulatedMwaa.AccessKeyId})";
            }

            await Console.Out.WriteLineAsync(
                $"EMULATED {described} listening on {address} with {emulator.DagIds.Count} DAGs; " +
                $"control API at {address}_emulator/. Press Ctrl+C to stop.");
            // SIGTERM (docker stop, systemd, a benchmark) stops it as cleanly as Ctrl+C.
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            using var onTerm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
            {
                context.Cancel = true;
                stop.Cancel();
            });
            try
            {
                await Task.Delay(Timeout.Infinite, stop.Token);
            }
            catch (OperationCanceledException)
            {
                // Ctrl+C: stop cleanly.
            }
        }

        return 0;
    }
}
