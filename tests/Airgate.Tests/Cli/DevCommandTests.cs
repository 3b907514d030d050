using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Airgate.Tests.Cli;

public sealed class DevCommandTests
{
    [Fact]
    public async Task Dev_Starting_PrintsThePagesUrlFirstThenReadableOneLineLogs()
    {
        var port = FreePort();
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { typeof(Program).Assembly.Location, "dev", "--urls", $"http://127.0.0.1:{port}" })
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        var lines = new List<string>();
        try
        {
            // Read until the host says it listens (or the output ends); no clock involved.
            while (await process.StandardOutput.ReadLineAsync() is { } line)
            {
                lines.Add(line);
                if (line.Contains("Content root path", StringComparison.Ordinal))
                {
                    break;
                }
            }
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        lines.ShouldNotBeEmpty();
        lines[0].ShouldBe($"Airgate dev: open http://127.0.0.1:{port}/ (the launchpad) or http://127.0.0.1:{port}/docs (the API reference). Ctrl+C stops it.");
        lines.ShouldContain(line => line.Contains("Now listening on", StringComparison.Ordinal));
        lines.ShouldNotContain(line => line.TrimStart().StartsWith('{'), "dev logs are for people: no JSON lines");
        lines.ShouldContain(line => line.Contains(" warn: ", StringComparison.Ordinal) && line.Contains("DEVELOPMENT MODE", StringComparison.Ordinal));
        lines.ShouldContain(line => line.Contains("Hosting environment: Development", StringComparison.Ordinal));
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
