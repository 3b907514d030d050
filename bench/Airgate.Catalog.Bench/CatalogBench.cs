// Catalog reads through Airgate (warm cache) against the same reads straight from an emulated Airflow that answers
// every GET in 20 ms, measured in one run on one machine so only the ratios mean anything. Also counts the Airflow
// calls made while the gateway answered, and the bytes allocated per 200 and per 304 next to one serialisation of the
// answer (a 304 must not serialise the body). Usage: bash bench/run-catalog.sh [requests-through-gateway]
using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text.Json;
using Airgate.AirflowEmulator;
using Airgate.Airflow.Models;
using Airgate.Workflows;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

/// <summary>The catalog benchmark (see the README section "Catalog benchmark").</summary>
internal static class CatalogBench
{
    public static async Task Main(string[] args)
    {
        var root = FindRoot();
        var gatewayRequests = args.Length > 0 ? int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 3000;
        const int AirflowRequests = 100;
        const string Dag = "bactopia_species_screen";

        await using var emulator = new AirflowEmulator(new EmulatorOptions { FixturesPath = Path.Combine(root, "examples", "emulator", "dags") });
        var airflow = await emulator.StartAsync("http://127.0.0.1:0");
        emulator.Faults.AddLatency(TimeSpan.FromMilliseconds(20), HttpMethod.Get, "/api/v2/");

        var data = Directory.CreateTempSubdirectory("airgate-bench-");
        var gatewayUrl = "http://127.0.0.1:5189";
        var app = Program.BuildGateway([
            "--urls", gatewayUrl,
            "--Logging:LogLevel:Default=Warning",
            $"--Airgate:Airflow:BaseUrl={airflow}",
            "--Airgate:Airflow:Username=admin",
            "--Airgate:Airflow:Password=admin",
            $"--Airgate:Registry:Path={Path.Combine(root, "examples", "registry")}",
            "--Airgate:Database:Provider=Sqlite",
            $"--Airgate:Database:ConnectionString=Data Source={Path.Combine(data.FullName, "airgate.db")}",
            "--Airgate:Auth:Mode=Development",
            "--Airgate:Auth:AllowDevelopmentMode=true",
        ]);
        await app.StartAsync();

        using var http = new HttpClient();
        using var direct = new HttpClient();
        direct.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", emulator.IssueToken());

        Console.WriteLine($"emulated Airflow answers every GET in 20 ms; {AirflowRequests} direct reads, {gatewayRequests} gateway reads per path, one client, sequential");
        Console.WriteLine();
        Console.WriteLine("| read | straight from Airflow (req/s) | through Airgate, warm (req/s) | ratio | Airflow calls per Airgate request |");
        Console.WriteLine("|---|---:|---:|---:|---:|");
        await CompareAsync("GET /workflows", $"{gatewayUrl}/api/v1/workflows", $"{airflow}api/v2/dags?limit=50");
        await CompareAsync($"GET /workflows/{Dag}/tasks", $"{gatewayUrl}/api/v1/workflows/{Dag}/tasks", $"{airflow}api/v2/dags/{Dag}/tasks");

        // What one serialisation of the answer allocates, next to what a whole 200 and a whole 304 request allocate.
        var catalog = app.Services.GetRequiredService<WorkflowCatalog>();
        var json = app.Services.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        var answer = (await catalog.ListAsync(new DagQuery { Limit = 50 }, CancellationToken.None)).Value;
        var serialisation = Allocated(() => JsonSerializer.SerializeToUtf8Bytes(answer, json), 1000);
        var first = await http.GetAsync($"{gatewayUrl}/api/v1/workflows");
        var etag = first.Headers.ETag?.Tag ?? throw new InvalidOperationException("no ETag");
        var ok = await AllocatedAsync(() => http.GetAsync($"{gatewayUrl}/api/v1/workflows"), 1000);
        var notModified = await AllocatedAsync(() =>
        {
            var request = new HttpRequestMessage(HttpMethod.Get, $"{gatewayUrl}/api/v1/workflows");
            request.Headers.TryAddWithoutValidation("If-None-Match", etag);
            return http.SendAsync(request);
        }, 1000);
        Console.WriteLine();
        Console.WriteLine("| GET /workflows, bytes allocated (client and server, one process) | per request |");
        Console.WriteLine("|---|---:|");
        Console.WriteLine($"| serialising the answer once (for comparison) | {serialisation:N0} |");
        Console.WriteLine($"| a warm 200 | {ok:N0} |");
        Console.WriteLine($"| a 304 (If-None-Match) | {notModified:N0} |");

        await app.StopAsync();
        await app.DisposeAsync();
        data.Delete(recursive: true);

        async Task CompareAsync(string label, string viaGateway, string straight)
        {
            (await http.GetAsync(viaGateway)).EnsureSuccessStatusCode();
            var airflowRate = await RateAsync(direct, straight, AirflowRequests);
            emulator.ClearRequests();
            var gatewayRate = await RateAsync(http, viaGateway, gatewayRequests);
            var calls = emulator.Requests.Count;
            Console.WriteLine($"| {label} | {airflowRate:N0} | {gatewayRate:N0} | {gatewayRate / airflowRate:N0}x | {(double)calls / gatewayRequests:0.###} |");
        }

        static async Task<double> RateAsync(HttpClient client, string url, int count)
        {
            var watch = Stopwatch.StartNew();
            for (var i = 0; i < count; i++)
            {
                using var response = await client.GetAsync(url);
                response.EnsureSuccessStatusCode();
                await response.Content.ReadAsByteArrayAsync();
            }

            return count / watch.Elapsed.TotalSeconds;
        }

        static long Allocated(Action action, int count)
        {
            action();
            var before = GC.GetTotalAllocatedBytes(precise: true);
            for (var i = 0; i < count; i++)
            {
                action();
            }

            return (GC.GetTotalAllocatedBytes(precise: true) - before) / count;
        }

        static async Task<long> AllocatedAsync(Func<Task<HttpResponseMessage>> send, int count)
        {
            (await send()).Dispose();
            var before = GC.GetTotalAllocatedBytes(precise: true);
            for (var i = 0; i < count; i++)
            {
                using var response = await send();
                await response.Content.ReadAsByteArrayAsync();
            }

            return (GC.GetTotalAllocatedBytes(precise: true) - before) / count;
        }

        static string FindRoot()
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Airgate.slnx")))
                {
                    return dir.FullName;
                }
            }

            throw new InvalidOperationException("Run from inside the repository.");
        }
    }
}
