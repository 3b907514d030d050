using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Airgate.Gateway.Bench;

/// <summary>
/// Live run events (BENCH_PARTS=events): Airflow calls made by 100 watchers of one run against 100 clients polling its
/// task instances every second, RSS with 1,000 open streams, and run detail's p99 at 32 clients against Airflow's own.
/// Airflow's load is read from the emulator's request counts, so the figures do not depend on the machine's speed.
/// </summary>
internal static class Events
{
    private const string Dag = "bactopia_amr_analysis";
    private static readonly string[] Running = ["running"];

    public static async Task RunAsync(Report report, HttpClient control, HttpClient direct, Func<AirgateProcess, string, HttpClient> client,
        Func<int, Task<AirgateProcess>> startGateway, Func<int, Task> setLatency, TimeSpan loadDuration)
    {
        // BENCH_EVENTS_SECONDS: how long the 100 watchers and the 100 pollers each run (60 by default, as the issue asks).
        var watchFor = TimeSpan.FromSeconds(double.Parse(Environment.GetEnvironmentVariable("BENCH_EVENTS_SECONDS") ?? "60", CultureInfo.InvariantCulture));
        // Frozen running runs (they change only when told), so every stream stays open for the whole measure.
        (await control.PostAsJsonAsync("_emulator/runs", new { dag_id = Dag, count = 50, run_id_prefix = "watched", states = Running })).EnsureSuccessStatusCode();
        const string Run = "watched__0000000";
        await using var gateway = await startGateway(1000);
        using var watcher = client(gateway, "watcher");
        var runPath = $"api/v1/workflows/{Dag}/runs/{Run}";
        (await watcher.GetAsync(runPath)).EnsureSuccessStatusCode();

        // --- 100 SSE clients on one run. ---
        await ResetRequestsAsync(control);
        var streams = await OpenStreamsAsync(gateway, Enumerable.Repeat($"{runPath}/events", 100));
        await Task.Delay(watchFor);
        var sse = await RequestsAsync(control);
        await CloseAsync(streams);
        var intervals = watchFor.TotalSeconds / 2;
        report.Add($"100 SSE watchers of one run, {watchFor.TotalSeconds:F0} s (poll interval 2 s)",
            $"{sse.Run} Airflow calls for the run ({sse.RunReads} run reads + {sse.TaskReads} task-instance pages = {sse.RunReads / intervals:F2} polls per interval)");

        // --- The same 100 clients polling the run's task instances every second. ---
        await ResetRequestsAsync(control);
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, 100).Select(async i =>
        {
            using var poller = client(gateway, "poller" + i);
            for (var tick = 1; clock.Elapsed < watchFor; tick++)
            {
                (await poller.GetAsync($"{runPath}/tasks")).EnsureSuccessStatusCode();
                var next = TimeSpan.FromSeconds(tick) - clock.Elapsed;
                if (next > TimeSpan.Zero)
                {
                    await Task.Delay(next);
                }
            }
        }));
        var polling = await RequestsAsync(control);
        report.Add($"100 clients polling the run's tasks every 1 s, {watchFor.TotalSeconds:F0} s",
            $"{polling.Run} Airflow calls for the run; SSE makes {(double)polling.Run / Math.Max(1, sse.Run):F0}x fewer");

        // --- 1,000 open streams over 50 runs, on a fresh gateway (the load above grew the first one's heap). ---
        await using (var fresh = await startGateway(1000))
        {
            await Task.Delay(TimeSpan.FromSeconds(2));
            var before = fresh.RssMiB();
            var many = await OpenStreamsAsync(fresh, Enumerable.Range(0, 1000).Select(i => $"api/v1/workflows/{Dag}/runs/watched__{i % 50:D7}/events"));
            await Task.Delay(TimeSpan.FromSeconds(10));
            report.Add("RSS with 1,000 open event streams (50 runs, fresh gateway)", $"{fresh.RssMiB():F0} MiB (idle before opening them: {before:F0} MiB)");
            await CloseAsync(many);
        }

        // --- Run detail at 32 clients, Airflow answering in 20 ms. ---
        await setLatency(20);
        var viaDirect = await Load.RunAsync(c => c.GetAsync($"api/v2/dags/{Dag}/dagRuns/{Run}"), direct, 32, loadDuration);
        var viaGateway = await Load.RunAsync(c => c.GetAsync(runPath), watcher, 32, loadDuration);
        report.Add("run detail p99, 20 ms/call, concurrency 32",
            $"gateway {viaGateway.P99Ms:F1} ms vs Airflow's run {viaDirect.P99Ms:F1} ms = {viaGateway.P99Ms / viaDirect.P99Ms:F2}x (failures {viaGateway.Failures + viaDirect.Failures})");
        await setLatency(0);
    }

    internal static async Task<List<(HttpClient Client, CancellationTokenSource Stop, Task Drain)>> OpenStreamsAsync(AirgateProcess gateway, IEnumerable<string> paths)
    {
        List<(HttpClient, CancellationTokenSource, Task)> open = [];
        var i = 0;
        foreach (var path in paths)
        {
            // One user per stream: the per-user bound is not what is measured here.
            var http = new HttpClient { BaseAddress = gateway.Address, Timeout = Timeout.InfiniteTimeSpan };
            http.DefaultRequestHeaders.Add("X-Airgate-User", "viewer" + i++);
            var stop = new CancellationTokenSource();
            var response = await http.GetAsync(path, HttpCompletionOption.ResponseHeadersRead);
            response.EnsureSuccessStatusCode();
            var body = await response.Content.ReadAsStreamAsync();
            open.Add((http, stop, DrainAsync(response, body, stop.Token)));
        }

        return open;
    }

    private static async Task DrainAsync(HttpResponseMessage response, Stream body, CancellationToken cancellationToken)
    {
        var buffer = new byte[4096];
        try
        {
            // Cancelling the read aborts the connection at once (disposing the response would first try to drain it).
            while (await body.ReadAsync(buffer, cancellationToken) > 0)
            {
            }
        }
        catch (Exception exception) when (exception is IOException or ObjectDisposedException or OperationCanceledException or HttpRequestException)
        {
            // Closed by the benchmark.
        }
        finally
        {
            response.Dispose();
        }
    }

    internal static async Task CloseAsync(List<(HttpClient Client, CancellationTokenSource Stop, Task Drain)> streams)
    {
        foreach (var (_, stop, _) in streams)
        {
            await stop.CancelAsync();
        }

        await Task.WhenAll(streams.Select(s => s.Drain));
        foreach (var (http, stop, _) in streams)
        {
            http.Dispose();
            stop.Dispose();
        }
    }

    private static async Task ResetRequestsAsync(HttpClient control) => (await control.DeleteAsync("_emulator/requests")).EnsureSuccessStatusCode();

    private static async Task<(long Run, long RunReads, long TaskReads)> RequestsAsync(HttpClient control)
    {
        var counts = (await control.GetFromJsonAsync<JsonObject>("_emulator/requests"))!["by_operation"]!.AsObject();
        long Count(string operation) => counts[operation]?.GetValue<long>() ?? 0;
        return (Count("GetDagRun") + Count("GetTaskInstances"), Count("GetDagRun"), Count("GetTaskInstances"));
    }
}
