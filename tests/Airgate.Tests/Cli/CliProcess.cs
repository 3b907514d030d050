using System.Diagnostics;

namespace Airgate.Tests.Cli;

/// <summary>Runs the built <c>airgate</c> executable in its own process, as a user would, and captures what it prints.</summary>
internal static class CliProcess
{
    public static Task<(int Code, string Output, string Error)> RunAsync(params string[] args) => RunInAsync(null, args);

    /// <summary>Runs it in <paramref name="workingDirectory"/> (the test's own when null).</summary>
    public static async Task<(int Code, string Output, string Error)> RunInAsync(string? workingDirectory, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.WorkingDirectory = workingDirectory ?? "";
        start.ArgumentList.Add(typeof(Program).Assembly.Location);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output, await error);
    }
}
