using Airgate.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Airgate.Core.Registry.Tests;

public sealed class DirectoryPipelineRegistryTests
{
    private static readonly TimeSpan PollCap = TimeSpan.FromSeconds(30);

    private static ServiceProvider Services(string? path, CapturingLoggerProvider? logs = null, string? pollInterval = null)
    {
        var settings = new Dictionary<string, string?> { ["Airgate:Registry:ReloadDelay"] = "00:00:00.050", ["Airgate:Registry:PollInterval"] = pollInterval };
        if (path is not null)
        {
            settings["Airgate:Registry:Path"] = path;
        }

        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        services.AddLogging(logging =>
        {
            if (logs is not null)
            {
                logging.AddProvider(logs);
            }
        });
        services.AddPipelineRegistry();
        return services.BuildServiceProvider();
    }

    private static async Task<RegistrySnapshot> WaitFor(IPipelineRegistry registry, Func<RegistrySnapshot, bool> condition)
    {
        var deadline = DateTime.UtcNow + PollCap;
        while (DateTime.UtcNow < deadline)
        {
            var current = registry.Current;
            if (condition(current))
            {
                return current;
            }

            await Task.Delay(50);
        }

        throw new TimeoutException($"The registry did not reach the expected state within {PollCap}.");
    }

    [Fact]
    public async Task Registry_FileAdded_ReloadsWithTheNewProfile()
    {
        using var directory = new TempDirectory();
        directory.Write("a.json", Files.Native("a"));
        var logs = new CapturingLoggerProvider();
        await using var provider = Services(directory.Path, logs);
        var registry = provider.GetRequiredService<IPipelineRegistry>();
        registry.Current.Profiles.Select(p => p.Id).ShouldBe(["a"]);

        directory.Write("sub/b.json", Files.Compatible("b"));

        var reloaded = await WaitFor(registry, s => s.ProfilesById.ContainsKey("b"));
        reloaded.ProfilesById.ContainsKey("a").ShouldBeTrue();
        logs.Entries.ShouldContain(e => e.Message.Contains("Registry loaded", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Registry_BrokenEdit_KeepsTheLastGoodVersionAndListsTheProblem()
    {
        using var directory = new TempDirectory();
        directory.Write("a.json", Files.Native("a"));
        directory.Write("b.json", Files.Native("b"));
        await using var provider = Services(directory.Path);
        var registry = provider.GetRequiredService<IPipelineRegistry>();

        directory.Write("b.json", "{ \"id\": \"b\", ");

        var reloaded = await WaitFor(registry, s => s.Problems.Count > 0);
        reloaded.Problems.ShouldContain(p => p.File == "b.json" && p.Message.StartsWith("Invalid JSON", StringComparison.Ordinal));
        reloaded.Problems.ShouldContain(p => p.File == "b.json" && p.Message.Contains("last good version of the profile 'b'", StringComparison.Ordinal));
        reloaded.Profiles.Select(p => p.Id).ShouldBe(["a", "b"]);

        directory.Write("b.json", Files.Native("b"));
        var fixedSnapshot = await WaitFor(registry, s => s.Problems.Count == 0);
        fixedSnapshot.Profiles.Select(p => p.Id).ShouldBe(["a", "b"]);
    }

    [Fact]
    public async Task Registry_FileDeleted_DropsItsProfile()
    {
        using var directory = new TempDirectory();
        directory.Write("a.json", Files.Native("a"));
        var path = directory.Write("b.json", Files.Native("b"));
        await using var provider = Services(directory.Path);
        var registry = provider.GetRequiredService<IPipelineRegistry>();
        registry.Current.Profiles.Count.ShouldBe(2);

        File.Delete(path);

        var reloaded = await WaitFor(registry, s => s.Profiles.Count == 1);
        reloaded.Profiles[0].Id.ShouldBe("a");
    }

    [Fact]
    public async Task Registry_Polling_SeesAnEditedFile()
    {
        using var directory = new TempDirectory();
        directory.Write("a.json", Files.Native("a", version: "1"));
        var logs = new CapturingLoggerProvider();
        await using var provider = Services(directory.Path, logs, pollInterval: "00:00:00.100");
        var registry = provider.GetRequiredService<IPipelineRegistry>();

        directory.Write("a.json", Files.Native("a", version: "2.0.0-edited"));

        var reloaded = await WaitFor(registry, s => s.ProfilesById.TryGetValue("a", out var p) && p.Profile.Version == "2.0.0-edited");
        reloaded.Problems.ShouldBeEmpty();
        logs.Entries.ShouldContain(e => e.Message.Contains("Looking for registry changes", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AddPipelineRegistry_PathNotSet_FailsNamingTheKey()
    {
        await using var provider = Services(path: null);

        var failure = Should.Throw<OptionsValidationException>(() => provider.GetRequiredService<IOptions<RegistryOptions>>().Value);
        failure.Message.ShouldContain("Airgate:Registry:Path is not set");
        failure.Message.ShouldContain("Airgate__Registry__Path");
    }

    [Fact]
    public async Task AddPipelineRegistry_PathMissing_FailsNamingThePath()
    {
        var missing = Path.Combine(Path.GetTempPath(), "airgate-core-tests", "does-not-exist-" + Guid.NewGuid().ToString("N"));
        await using var provider = Services(missing);

        var failure = Should.Throw<OptionsValidationException>(() => provider.GetRequiredService<IPipelineRegistry>());
        failure.Message.ShouldContain("Airgate:Registry:Path");
        failure.Message.ShouldContain(missing);
    }
}
