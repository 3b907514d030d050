using System.Diagnostics;
using System.Globalization;

namespace Airgate.Gateway.Bench;

/// <summary>The built <c>airgate</c> executable run as separate processes (emulator, gateways), as in production.</summary>
internal sealed class AirgateProcess : IAsyncDisposable
{
    private readonly Process _process;

    private AirgateProcess(Process process, Uri address) => (_process, Address) = (process, address);

    public Uri Address { get; }

    public TimeSpan StartUp { get; private set; }

    /// <summary>
    /// Starts <c>airgate {args}</c> on <paramref name="port"/> and waits until <paramref name="readyPath"/> answers 2xx.
    /// <paramref name="executable"/> is the build to run: null for the Release build's <c>airgate.dll</c> under
    /// <c>dotnet</c>; else an executable (a self-contained <c>airgate</c>) or a published <c>airgate.dll</c>.
    /// </summary>
    public static async Task<AirgateProcess> StartAsync(string root, int port, string[] args, IReadOnlyDictionary<string, string> environment, string readyPath,
        string? executable = null)
    {
        executable ??= Path.Combine(root, "src", "Airgate", "bin", "Release", "net10.0", "airgate.dll");
        var isDll = executable.EndsWith(".dll", StringComparison.Ordinal);
        var info = new ProcessStartInfo(isDll ? "dotnet" : executable) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = root };
        if (isDll)
        {
            info.ArgumentList.Add(executable);
        }

        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        info.ArgumentList.Add("--urls");
        info.ArgumentList.Add($"http://127.0.0.1:{port}");
        info.Environment["Logging__LogLevel__Default"] = "Warning";
        foreach (var (key, value) in environment)
        {
            info.Environment[key] = value;
        }

        var clock = Stopwatch.StartNew();
        var process = Process.Start(info) ?? throw new InvalidOperationException("Cannot start airgate.");
        _ = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        var address = new Uri($"http://127.0.0.1:{port}/");
        using var http = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(2) };
        while (true)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"airgate {string.Join(' ', args)} exited: {await errors}");
            }

            try
            {
                if ((await http.GetAsync(readyPath)).IsSuccessStatusCode)
                {
                    break;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException)
            {
                // Not answering yet.
            }

            if (clock.Elapsed > TimeSpan.FromMinutes(2))
            {
                throw new TimeoutException($"airgate {string.Join(' ', args)} did not become ready.");
            }

            await Task.Delay(20);
        }

        return new AirgateProcess(process, address) { StartUp = clock.Elapsed };
    }

    /// <summary>Resident set size from /proc, in MiB.</summary>
    public double RssMiB()
    {
        foreach (var line in File.ReadLines($"/proc/{_process.Id}/status"))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
            {
                return double.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024;
            }
        }

        return double.NaN;
    }

    /// <summary>
    /// RSS and PSS (the process's proportional share of pages it shares with others), and PSS split into anonymous
    /// memory (GC heap, native heaps), file-backed mappings (assemblies, native libraries) and shared memory (the
    /// runtime maps its executable memory, JIT-compiled code and stubs, twice through a memfd: W^X), in MiB, from
    /// <c>/proc/{pid}/smaps_rollup</c>.
    /// </summary>
    public (double Rss, double Pss, double PssAnon, double PssFile, double PssShmem) Memory()
    {
        Dictionary<string, double> kib = new(StringComparer.Ordinal);
        foreach (var line in File.ReadLines($"/proc/{_process.Id}/smaps_rollup"))
        {
            var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (fields is [var name, var value, "kB"])
            {
                kib[name.TrimEnd(':')] = double.Parse(value, CultureInfo.InvariantCulture);
            }
        }

        return (kib["Rss"] / 1024, kib["Pss"] / 1024, kib.GetValueOrDefault("Pss_Anon") / 1024, kib.GetValueOrDefault("Pss_File") / 1024,
            kib.GetValueOrDefault("Pss_Shmem") / 1024);
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }
}
