using System.Globalization;
using System.Net.Http.Json;

namespace Airgate.Gateway.Bench;

/// <summary>
/// Memory of published builds (BENCH_PARTS=memory, bench/run-memory.sh): RSS and PSS of each build in
/// <c>BENCH_MEMORY_BUILDS</c> under each runtime setting in <c>BENCH_MEMORY_SETTINGS</c>, idle, after 10,000 requests,
/// and with 1,000 open event streams on a fresh process (as the issue measured its 194 MB), all in one run against one
/// emulator, so the builds and settings are compared on the same machine at the same time.
/// </summary>
internal static class Memory
{
    private const string Dag = "bactopia_amr_analysis";
    private const int Requests = 10_000;
    private const int Streams = 1_000;
    private static readonly string[] Running = ["running"];

    public static async Task<IReadOnlyList<string>> MeasureAsync(string root, HttpClient control, Func<int, Dictionary<string, string>> gatewayEnvironment, int firstPort)
    {
        // "label=path;label=path": a framework-dependent airgate.dll and a self-contained airgate, as run-memory.sh publishes them.
        var builds = (Environment.GetEnvironmentVariable("BENCH_MEMORY_BUILDS") ?? throw new InvalidOperationException("BENCH_MEMORY_BUILDS is not set: run bench/run-memory.sh."))
            .Split(';', StringSplitOptions.RemoveEmptyEntries).Select(b => b.Split('=', 2)).Select(b => (Label: b[0], Path: b[1])).ToList();
        // "default;DOTNET_gcServer=0;...": each a comma-separated list of environment variables; "default" sets none.
        var settings = (Environment.GetEnvironmentVariable("BENCH_MEMORY_SETTINGS") ?? "default;DOTNET_gcServer=0;DOTNET_gcServer=0,DOTNET_gcConcurrent=0;DOTNET_TieredPGO=0")
            .Split(';', StringSplitOptions.RemoveEmptyEntries).ToList();
        // Frozen running runs, so every stream stays open for the whole measure.
        (await control.PostAsJsonAsync("_emulator/runs", new { dag_id = Dag, count = 50, run_id_prefix = "memory", states = Running })).EnsureSuccessStatusCode();

        List<string> rows =
        [
            $"Memory in MiB, RSS / PSS; PSS = anonymous (heaps) + file-backed (assemblies, libraries) + shared (executable memory: JIT code, W^X); {Requests:N0} requests at concurrency 8 over four reads; {Streams:N0} streams on a fresh process over 50 runs:",
            "",
            "| build | settings | start-up (ms) | idle | after 10k requests | with 1,000 streams | PSS anon + file + shared, 1,000 streams |",
            "|---|---|---:|---:|---:|---:|---:|",
        ];
        var port = firstPort;
        foreach (var (label, path) in builds)
        {
            foreach (var setting in settings)
            {
                var environment = gatewayEnvironment(Streams);
                if (setting != "default")
                {
                    foreach (var pair in setting.Split(',').Select(p => p.Split('=', 2)))
                    {
                        environment[pair[0]] = pair[1];
                    }
                }

                string idle, loaded, streamed, split;
                double startUp;
                await using (var gateway = await AirgateProcess.StartAsync(root, port++, ["serve"], environment, "health/live", path))
                {
                    startUp = gateway.StartUp.TotalMilliseconds;
                    await Task.Delay(TimeSpan.FromSeconds(3));
                    idle = Format(gateway.Memory());
                    await SendAsync(gateway, Requests, concurrency: 8);
                    await Task.Delay(TimeSpan.FromSeconds(3));
                    loaded = Format(gateway.Memory());
                }

                await using (var fresh = await AirgateProcess.StartAsync(root, port++, ["serve"], environment, "health/live", path))
                {
                    await Task.Delay(TimeSpan.FromSeconds(3));
                    var open = await Events.OpenStreamsAsync(fresh, Enumerable.Range(0, Streams).Select(i => $"api/v1/workflows/{Dag}/runs/memory__{i % 50:D7}/events"));
                    await Task.Delay(TimeSpan.FromSeconds(10));
                    var memory = fresh.Memory();
                    streamed = Format(memory);
                    split = $"{memory.PssAnon:F0} + {memory.PssFile:F0} + {memory.PssShmem:F0}";
                    await Events.CloseAsync(open);
                }

                rows.Add($"| {label} | {(setting == "default" ? "as published" : setting.Replace(",", ", ", StringComparison.Ordinal))} | {startUp:F0} | {idle} | {loaded} | {streamed} | {split} |");
                Console.Error.WriteLine(rows[^1]);
            }
        }

        return rows;
    }

    private static string Format((double Rss, double Pss, double PssAnon, double PssFile, double PssShmem) memory) => $"{memory.Rss:F0} / {memory.Pss:F0}";

    /// <summary><paramref name="count"/> reads, round-robin over a catalog read, a listing, run detail and its tasks.</summary>
    private static async Task SendAsync(AirgateProcess gateway, int count, int concurrency)
    {
        string[] paths =
        [
            "api/v1/workflows",
            "api/v1/workflows/~/runs?mine=true",
            $"api/v1/workflows/{Dag}/runs/memory__0000001",
            $"api/v1/workflows/{Dag}/runs/memory__0000001/tasks",
        ];
        var next = -1;
        var failures = 0;
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async worker =>
        {
            using var client = new HttpClient { BaseAddress = gateway.Address, Timeout = TimeSpan.FromSeconds(60) };
            client.DefaultRequestHeaders.Add("X-Airgate-User", "reader" + worker.ToString(CultureInfo.InvariantCulture));
            for (var i = Interlocked.Increment(ref next); i < count; i = Interlocked.Increment(ref next))
            {
                using var response = await client.GetAsync(paths[i % paths.Length]);
                await response.Content.ReadAsByteArrayAsync();
                if (!response.IsSuccessStatusCode)
                {
                    Interlocked.Increment(ref failures);
                }
            }
        }));
        if (failures > 0)
        {
            throw new InvalidOperationException($"{failures} of {count} requests failed.");
        }
    }
}
