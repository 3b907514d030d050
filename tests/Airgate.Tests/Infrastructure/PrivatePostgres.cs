using System.Diagnostics;

namespace Airgate.Tests.Infrastructure;

/// <summary>
/// A PostgreSQL server of the test's own (initdb in a temporary folder, run as the <c>postgres</c> user when the test
/// runs as root), so a test can stop and start it without disturbing anything else.
/// </summary>
internal sealed class PrivatePostgres : IAsyncDisposable
{
    public const string BinVariable = "AIRGATE_TEST_PG_BIN";

    private readonly string _bin;
    private readonly DirectoryInfo _directory;
    private readonly int _port;

    private PrivatePostgres(string bin, DirectoryInfo directory, int port) => (_bin, _directory, _port) = (bin, directory, port);

    public string ConnectionString => $"Host=127.0.0.1;Port={_port};Username=airgate;Database=postgres;Timeout=5;Command Timeout=10";

    public static async Task<PrivatePostgres> StartAsync(int port)
    {
        var server = await CreateStoppedAsync(port);
        await server.StartAsync();
        return server;
    }

    /// <summary>A server initialised but not started: its port is closed until <see cref="StartAsync()"/>.</summary>
    public static async Task<PrivatePostgres> CreateStoppedAsync(int port)
    {
        var bin = Environment.GetEnvironmentVariable(BinVariable) ?? throw new InvalidOperationException($"{BinVariable} is not set.");
        var directory = Directory.CreateTempSubdirectory("airgate-pg-");
        var server = new PrivatePostgres(bin, directory, port);
        if (Environment.UserName == "root")
        {
            await RunAsync("chown", "-R", "postgres", directory.FullName);
        }

        await server.RunPostgresToolAsync($"initdb -D {directory.FullName}/data -U airgate --auth=trust -E UTF8 --no-sync");
        return server;
    }

    public Task StartAsync() => RunPostgresToolAsync(
        $"pg_ctl -D {_directory.FullName}/data -l {_directory.FullName}/log -w -o \"-p {_port} -k {_directory.FullName} -c listen_addresses=127.0.0.1\" start");

    public Task StopAsync() => RunPostgresToolAsync($"pg_ctl -D {_directory.FullName}/data -m fast -w stop");

    public async ValueTask DisposeAsync()
    {
        try
        {
            await StopAsync();
        }
        catch (InvalidOperationException)
        {
            // Already stopped.
        }

        _directory.Delete(recursive: true);
    }

    private Task RunPostgresToolAsync(string command)
    {
        var path = Path.Combine(_bin, command);
        return Environment.UserName == "root" ? RunAsync("su", "postgres", "-c", path) : RunAsync("sh", "-c", path);
    }

    private static async Task RunAsync(string file, params string[] arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(file, arguments) { RedirectStandardOutput = true, RedirectStandardError = true })
            ?? throw new InvalidOperationException($"Cannot start {file}.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {string.Join(' ', arguments)} exited with {process.ExitCode}: {await output}{await error}");
        }
    }
}
