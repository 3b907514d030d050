// The gateway benchmark (bench/run-gateway.sh): everything is measured in one run on one machine, and the figures
// that matter are ratios against Airflow (the emulator) measured side by side, so they survive a change of machine.
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Airgate.Gateway.Bench;

CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
var root = Directory.GetCurrentDirectory();
while (!File.Exists(Path.Combine(root, "Airgate.slnx")))
{
    root = Path.GetDirectoryName(root) ?? throw new InvalidOperationException("Run from inside the repository.");
}

var seconds = double.Parse(Environment.GetEnvironmentVariable("BENCH_SECONDS") ?? "3", CultureInfo.InvariantCulture);
var duration = TimeSpan.FromSeconds(seconds);
var postgres = Environment.GetEnvironmentVariable("AIRGATE_BENCH_POSTGRES") ?? "Host=127.0.0.1;Port=5432;Username=airgate;Password=airgate;Database=postgres";
var prefix = Environment.GetEnvironmentVariable("AIRGATE_BENCH_DB_PREFIX") ?? "airgate_bench_";
var basePort = int.Parse(Environment.GetEnvironmentVariable("AIRGATE_BENCH_PORT") ?? "5100", CultureInfo.InvariantCulture);
var data = Directory.CreateTempSubdirectory("airgate-bench-");
var report = new Report();
// BENCH_PARTS picks parts to run (comma-separated; all by default): gateway (start-up, pass-through reads, run detail,
// triggers, RSS), myruns (cold start and "my runs" over 100,000 runs), totals (1,000,000 runs on PostgreSQL), events
// (live run events: Airflow calls of 100 watchers against 100 pollers, RSS with 1,000 streams, run detail p99 at 32 clients),
// listings (every listing filter at 1,000,000 runs on PostgreSQL against the direct SQL count; bench/run-listings.sh),
// memory (RSS and PSS of published builds under runtime settings; only with BENCH_MEMORY_BUILDS, see bench/run-memory.sh).
var parts = (Environment.GetEnvironmentVariable("BENCH_PARTS") ?? "gateway,myruns,totals,events,listings")
    .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
    .ToHashSet(StringComparer.Ordinal);
const string Dag = "bactopia_species_screen";

// The database parts (totals, listings) need no emulator or gateway process: run alone, they start none.
async Task DatabasePartsAsync()
{
    // --- 5. Totals over 1,000,000 stored runs on PostgreSQL. ---
    if (parts.Contains("totals"))
    {
        foreach (var (name, value) in await Totals.MeasureAsync(postgres, prefix))
        {
            report.Add(name, value);
        }
    }

    // --- 6. Every listing filter over 1,000,000 stored runs on PostgreSQL, against the direct SQL count. ---
    if (parts.Contains("listings"))
    {
        report.AddTable(await Listings.MeasureAsync(postgres, prefix));
    }
}

if (!parts.Overlaps(["gateway", "myruns", "events", "memory"]))
{
    await DatabasePartsAsync();
    report.Print();
    data.Delete(recursive: true);
    return;
}

await using var emulator = await AirgateProcess.StartAsync(root, basePort, ["emulator"], new Dictionary<string, string>(), "api/v2/version");
using var direct = new HttpClient { BaseAddress = emulator.Address, Timeout = TimeSpan.FromSeconds(60) };
using var control = new HttpClient { BaseAddress = emulator.Address, Timeout = TimeSpan.FromMinutes(10) };
var login = await direct.PostAsJsonAsync("auth/token", new { username = "admin", password = "admin" });
var token = (await login.Content.ReadFromJsonAsync<JsonObject>())!["access_token"]!.GetValue<string>();
direct.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

Dictionary<string, string> GatewayEnvironment(string provider, string connectionString) => new()
{
    ["Airgate__Airflow__BaseUrl"] = emulator.Address.ToString(),
    ["Airgate__Airflow__Username"] = "admin",
    ["Airgate__Airflow__Password"] = "admin",
    ["Airgate__Registry__Path"] = Path.Combine(root, "examples", "registry"),
    ["Airgate__Database__Provider"] = provider,
    ["Airgate__Database__ConnectionString"] = connectionString,
    ["Airgate__Auth__Mode"] = "Development",
    ["Airgate__Auth__AllowDevelopmentMode"] = "true",
    ["Airgate__Runs__BackfillPageDelay"] = "00:00:00",
};

HttpClient GatewayClient(AirgateProcess gateway, string user = "alice")
{
    var client = new HttpClient { BaseAddress = gateway.Address, Timeout = TimeSpan.FromSeconds(60) };
    client.DefaultRequestHeaders.Add("X-Airgate-User", user);
    return client;
}

static StringContent TriggerBody() => new(
    """{"pipelines": {"bactopia-kraken2-3.2.0": {"samples": [{"sample": "S1", "r1": "s1_R1.fastq.gz"}], "outdir": "/data/out", "kraken2_db": "/db/k2"}}}""",
    System.Text.Encoding.UTF8, "application/json");

async Task SetLatencyAsync(int milliseconds)
{
    (await control.DeleteAsync("_emulator/faults")).EnsureSuccessStatusCode();
    if (milliseconds > 0)
    {
        (await control.PostAsJsonAsync("_emulator/faults", new { kind = "latency", latency_ms = milliseconds, path_prefix = "/api/v2/" })).EnsureSuccessStatusCode();
    }
}

// --- 1. Start-up, idle memory, pass-through reads and run detail against direct calls. ---
if (parts.Contains("gateway"))
{
    var sqlite = await AirgateProcess.StartAsync(root, basePort + 1, ["serve"], GatewayEnvironment("Sqlite", $"Data Source={data.FullName}/bench.db"), "health/live");
    report.Add("start-up to /health/live (SQLite)", $"{sqlite.StartUp.TotalMilliseconds:F0} ms");
    await Task.Delay(1000);
    report.Add("RSS idle", $"{sqlite.RssMiB():F0} MiB");
    using var alice = GatewayClient(sqlite);
    var created = await alice.PostAsync($"api/v1/workflows/{Dag}/runs", TriggerBody());
    var runId = (await created.Content.ReadFromJsonAsync<JsonObject>())!["dag_run_id"]!.GetValue<string>();
    var directTasks = $"api/v2/dags/{Dag}/dagRuns/{Uri.EscapeDataString(runId)}/taskInstances?limit=100";
    var gatewayTasks = $"api/v1/workflows/{Dag}/runs/{Uri.EscapeDataString(runId)}/tasks";
    foreach (var latency in new[] { 0, 20 })
    {
        await SetLatencyAsync(latency);
        foreach (var concurrency in new[] { 1, 32 })
        {
            var viaDirect = await Load.RunAsync(c => c.GetAsync(directTasks), direct, concurrency, duration);
            var viaGateway = await Load.RunAsync(c => c.GetAsync(gatewayTasks), alice, concurrency, duration);
            report.Add($"task instances, {latency} ms/call, concurrency {concurrency}",
                $"gateway {viaGateway.PerSecond:F0}/s vs direct {viaDirect.PerSecond:F0}/s = {viaGateway.PerSecond / viaDirect.PerSecond:F2}x (failures {viaGateway.Failures + viaDirect.Failures})");
        }

        var detailDirect = await Load.RunAsync(c => c.GetAsync($"api/v2/dags/{Dag}/dagRuns/{Uri.EscapeDataString(runId)}"), direct, 1, duration);
        var detailGateway = await Load.RunAsync(c => c.GetAsync($"api/v1/workflows/{Dag}/runs/{Uri.EscapeDataString(runId)}"), alice, 1, duration);
        report.Add($"run detail p99, {latency} ms/call",
            $"gateway {detailGateway.P99Ms:F1} ms vs Airflow's run {detailDirect.P99Ms:F1} ms = {detailGateway.P99Ms / detailDirect.P99Ms:F2}x (gateway: the run + its task instances)");
    }

    await SetLatencyAsync(0);

    // --- 2. Triggers per second on SQLite and PostgreSQL. ---
    var database = prefix + Guid.NewGuid().ToString("N");
    await Postgres.CreateDatabaseAsync(postgres, database);
    try
    {
        await using var pg = await AirgateProcess.StartAsync(root, basePort + 2, ["serve"], GatewayEnvironment("Postgres", Postgres.For(postgres, database)), "health/live");
        using var pgAlice = GatewayClient(pg);
        foreach (var (name, client) in new[] { ("SQLite", alice), ("PostgreSQL", pgAlice) })
        {
            foreach (var concurrency in new[] { 1, 32 })
            {
                var triggers = await Load.RunAsync(c => c.PostAsync($"api/v1/workflows/{Dag}/runs", TriggerBody()), client, concurrency, duration);
                report.Add($"triggers, {name}, concurrency {concurrency}", $"{triggers.PerSecond:F0}/s (p99 {triggers.P99Ms:F0} ms, failures {triggers.Failures})");
            }
        }
    }
    finally
    {
        await Postgres.DropDatabaseAsync(postgres, database);
    }

    report.Add("RSS after load", $"{sqlite.RssMiB():F0} MiB");
    await sqlite.DisposeAsync();
}

// --- 3. Cold start and "my runs" over 100,000 runs, on an emulator of their own (the triggers above stay out). ---
if (parts.Contains("myruns"))
{
    // bob's 500 runs are the oldest; alice has 1% of the rest; every conf names its user, as the replaced system relied on.
    await using var big = await AirgateProcess.StartAsync(root, basePort + 4, ["emulator"], new Dictionary<string, string>(), "api/v2/version");
    using var bigControl = new HttpClient { BaseAddress = big.Address, Timeout = TimeSpan.FromMinutes(10) };
    using var bigDirect = new HttpClient { BaseAddress = big.Address, Timeout = TimeSpan.FromSeconds(60) };
    var bigLogin = await bigDirect.PostAsJsonAsync("auth/token", new { username = "admin", password = "admin" });
    bigDirect.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(
        "Bearer", (await bigLogin.Content.ReadFromJsonAsync<JsonObject>())!["access_token"]!.GetValue<string>());
    async Task SeedAsync(object body) => (await bigControl.PostAsJsonAsync("_emulator/runs", body)).EnsureSuccessStatusCode();
    string[] bobOnly = ["bob"], finished = ["success", "failed"], mixed = ["success", "failed", "running"];
    await SeedAsync(new { dag_id = Dag, count = 500, run_id_prefix = "bob", start = "2025-01-01T00:00:00Z", interval_seconds = 60, triggering_user_names = bobOnly, user_in_conf = true, states = finished });
    var users = Enumerable.Repeat("robot", 99).Append("alice").ToArray();
    await SeedAsync(new { dag_id = Dag, count = 99_500, run_id_prefix = "bulk", start = "2025-02-01T00:00:00Z", interval_seconds = 60, triggering_user_names = users, user_in_conf = true, states = mixed });
    const long AliceRuns = 995, BobRuns = 500;

    var coldEnvironment = GatewayEnvironment("Sqlite", $"Data Source={data.FullName}/cold.db");
    coldEnvironment["Airgate__Airflow__BaseUrl"] = big.Address.ToString();
    await using var cold = await AirgateProcess.StartAsync(root, basePort + 3, ["serve"], coldEnvironment, "health/live");
    using var coldClient = GatewayClient(cold);
    JsonObject? firstPage = null;
    var firstListing = await Load.MedianMsAsync(1, async () => firstPage = await coldClient.GetFromJsonAsync<JsonObject>("api/v1/workflows/~/runs"));
    report.Add("cold start: first listing with 100,000 runs in Airflow", $"{firstListing:F0} ms (backfill {firstPage?["backfill"]?.ToJsonString() ?? "done"})");
    var backfillClock = System.Diagnostics.Stopwatch.StartNew();
    while ((await coldClient.GetFromJsonAsync<JsonObject>("api/v1/workflows/~/runs?limit=1"))!["backfill"] is JsonObject)
    {
        await Task.Delay(500);
    }

    report.Add("cold start: backfill of 100,000 runs (page delay 0)", $"{backfillClock.Elapsed.TotalSeconds:F0} s");

    long airgateFound = 0, bobFound = 0;
    var airgateMs = await Load.MedianMsAsync(20, async () =>
    {
        airgateFound = (await coldClient.GetFromJsonAsync<JsonObject>("api/v1/workflows/~/runs?user_name_pattern=alice&limit=100"))!["total_entries"]!.GetValue<long>();
        bobFound = (await coldClient.GetFromJsonAsync<JsonObject>("api/v1/workflows/~/runs?user_name_pattern=bob&limit=100"))!["total_entries"]!.GetValue<long>();
    });
    long oldAlice = 0, oldBob = 0;
    var oldMs = await Load.MedianMsAsync(5, async () =>
    {
        (oldAlice, oldBob) = (0, 0);
        for (var page = 0; page < 10; page++)
        {
            var runs = (await bigDirect.GetFromJsonAsync<JsonObject>($"api/v2/dags/~/dagRuns?limit=100&offset={page * 100}&order_by=-run_after"))!["dag_runs"]!.AsArray();
            oldAlice += runs.Count(r => r!["conf"]!.ToJsonString().Contains("alice", StringComparison.Ordinal));
            oldBob += runs.Count(r => r!["conf"]!.ToJsonString().Contains("bob", StringComparison.Ordinal));
        }
    });
    report.Add("my runs over 100,000 runs (alice and bob)",
        $"Airgate {airgateMs:F0} ms, found {airgateFound}/{AliceRuns} and {bobFound}/{BobRuns}; 10 pages + conf scan {oldMs:F0} ms, found {oldAlice}/{AliceRuns} and {oldBob}/{BobRuns}; Airgate {oldMs / airgateMs:F1}x faster");
}

// --- 4. Live run events (on demand: BENCH_PARTS=events; BENCH_EVENTS_SECONDS per watch measure, 60). ---
if (parts.Contains("events"))
{
    var eventGateways = 0;
    await Events.RunAsync(report, control, direct, (gateway, user) => GatewayClient(gateway, user),
        async maxStreams =>
        {
            var environment = GatewayEnvironment("Sqlite", $"Data Source={data.FullName}/events-{Guid.NewGuid():N}.db");
            environment["Airgate__Events__MaxStreamsPerUser"] = maxStreams.ToString(CultureInfo.InvariantCulture);
            environment["Airgate__Events__MaxStreams"] = maxStreams.ToString(CultureInfo.InvariantCulture);
            return await AirgateProcess.StartAsync(root, basePort + 5 + eventGateways++, ["serve"], environment, "health/live");
        },
        SetLatencyAsync, duration);
}

// --- 7. Memory of published builds (framework-dependent, ReadyToRun self-contained) under runtime settings. ---
if (parts.Contains("memory"))
{
    report.AddTable(await Memory.MeasureAsync(root, control, maxStreams =>
    {
        var environment = GatewayEnvironment("Sqlite", $"Data Source={data.FullName}/memory-{Guid.NewGuid():N}.db");
        environment["Airgate__Events__MaxStreamsPerUser"] = maxStreams.ToString(CultureInfo.InvariantCulture);
        environment["Airgate__Events__MaxStreams"] = maxStreams.ToString(CultureInfo.InvariantCulture);
        return environment;
    }, basePort + 20));
}

await DatabasePartsAsync();
report.Print();
data.Delete(recursive: true);
