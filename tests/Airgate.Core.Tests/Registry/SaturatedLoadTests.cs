using Airgate.Testing;

namespace Airgate.Core.Registry.Tests;

public sealed class SaturatedLoadTests
{
    [Fact]
    public async Task Load_FourAtOnceWhileEveryCoreIsBusy_GivesIdenticalResults()
    {
        // Patterns and parameter checks must not depend on how busy the machine is (a regex timeout once made them).
        var path = Path.Combine(RepositoryPaths.Root, "examples", "registry");
        var expected = Describe(RegistryLoader.Load(path));
        using var stop = new CancellationTokenSource();
        var burners = Enumerable.Range(0, Environment.ProcessorCount * 2).Select(_ => new Thread(() => Burn(stop.Token)) { IsBackground = true }).ToList();
        burners.ForEach(t => t.Start());
        try
        {
            var loads = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => Describe(RegistryLoader.Load(path)))));

            loads.ShouldAllBe(load => load == expected);
        }
        finally
        {
            stop.Cancel();
            burners.ForEach(t => t.Join());
        }
    }

    private static string Describe(RegistrySnapshot snapshot) =>
        string.Join('\n', snapshot.Problems.Select(p => p.ToString())) + "\n"
        + string.Join('\n', snapshot.Profiles.Select(p => $"{p.Id} {p.ResolvedSchema.GetRawText()}")) + "\n"
        + string.Join('\n', snapshot.Manifests.Select(m => $"{m.DagId} {string.Join(',', m.Pipelines)}"));

    private static void Burn(CancellationToken token)
    {
        var x = 0UL;
        while (!token.IsCancellationRequested)
        {
            x = (x * 6364136223846793005UL) + 1442695040888963407UL;
        }

        GC.KeepAlive(x);
    }
}
