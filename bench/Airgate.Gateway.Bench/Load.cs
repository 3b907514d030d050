using System.Diagnostics;

namespace Airgate.Gateway.Bench;

/// <summary>Closed-loop load: <c>concurrency</c> workers send requests back to back for a fixed time.</summary>
internal static class Load
{
    public static async Task<LoadResult> RunAsync(Func<HttpClient, Task<HttpResponseMessage>> send, HttpClient client, int concurrency, TimeSpan duration)
    {
        var latencies = new List<double>[concurrency];
        var failures = 0;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async worker =>
        {
            var mine = latencies[worker] = [];
            while (clock.Elapsed < duration)
            {
                var started = clock.Elapsed;
                using var response = await send(client);
                await response.Content.ReadAsByteArrayAsync();
                if (!response.IsSuccessStatusCode)
                {
                    Interlocked.Increment(ref failures);
                }

                mine.Add((clock.Elapsed - started).TotalMilliseconds);
            }
        }));
        var all = latencies.SelectMany(l => l).Order().ToList();
        return new LoadResult(all.Count / clock.Elapsed.TotalSeconds, Percentile(all, 0.5), Percentile(all, 0.99), failures);
    }

    public static double Percentile(IReadOnlyList<double> sorted, double p) =>
        sorted.Count == 0 ? double.NaN : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];

    public static async Task<double> MedianMsAsync(int times, Func<Task> action)
    {
        var samples = new List<double>();
        for (var i = 0; i < times; i++)
        {
            var clock = Stopwatch.StartNew();
            await action();
            samples.Add(clock.Elapsed.TotalMilliseconds);
        }

        return Percentile([.. samples.Order()], 0.5);
    }
}

internal sealed record LoadResult(double PerSecond, double P50Ms, double P99Ms, int Failures);
