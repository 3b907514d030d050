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

    [Fact]
    public async Task Check_SixSarekLikeChecksAtOnceWhileEveryCoreIsBusy_NoneRefusesTheProfile()
    {
        // nf-core's "^((a|b)?,?)*(?<!,)$" lists once timed out on a busy machine and refused the profile's defaults.
        using var directory = new TempDirectory();
        directory.Write("pipelines/sarek/nextflow_schema.json", File.ReadAllText(Path.Combine(RepositoryPaths.Root, "tests", "Airgate.Core.Tests", "Registry", "Nextflow", "sarek_like_schema.json")));
        directory.Write("pipelines/sarek/sarek.json", """{"id": "nfcore_sarek-3.10.0", "name": "nfcore_sarek", "version": "3.10.0", "type": "nextflow", "parameters_schema_file": "nextflow_schema.json"}""");
        directory.Write("workflows/sarek.json", """{"dag_id": "nfcore_sarek", "pipelines": ["nfcore_sarek-3.10.0"]}""");
        using var stop = new CancellationTokenSource();
        var burners = Enumerable.Range(0, Environment.ProcessorCount * 4).Select(_ => new Thread(() => Burn(stop.Token)) { IsBackground = true }).ToList();
        burners.ForEach(t => t.Start());
        try
        {
            var checks = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => Task.Run(() =>
            {
                using var output = new StringWriter();
                using var error = new StringWriter();
                return (Code: RegistryCheck.Run(directory.Path, output, error, strict: true), Output: output.ToString());
            })));

            checks.ShouldAllBe(check => check.Code == RegistryCheck.ExitOk && check.Output.Contains("No problems: 1 profiles and 1 manifests loaded."));
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
