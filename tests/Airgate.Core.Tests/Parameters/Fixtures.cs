using System.Text.Json;
using System.Text.Json.Nodes;
using Airgate.Core.Manifests;
using Airgate.Core.Registry;
using Airgate.Testing;

namespace Airgate.Core.Parameters.Tests;

internal static class Fixtures
{
    public const string Kraken2 = "bactopia-kraken2-3.2.0";
    public const string AmrFinder = "bactopia-amrfinderplus-3.2.0";
    public const string FastQc = "fastqc-0.12.1";

    public const string ValidKraken2Parameters = """
        {"samples": [{"sample": "SA-001", "r1": "/data/SA-001_R1.fastq.gz", "r2": "/data/SA-001_R2.fastq.gz"}],
         "outdir": "/results/run-42", "kraken2_db": "/db/k2_standard_08gb.tar.gz"}
        """;

    private static readonly Lazy<RegistrySnapshot> LazyExamples = new(() =>
        RegistryLoader.Load(Path.Combine(RepositoryPaths.Root, "examples", "registry")));

    public static RegistrySnapshot Examples => LazyExamples.Value;

    public static WorkflowManifest SpeciesScreen => Examples.FindManifest("bactopia_species_screen") ?? throw new InvalidOperationException("example manifest missing");

    public static WorkflowManifest AmrAnalysis => Examples.FindManifest("bactopia_amr_analysis") ?? throw new InvalidOperationException("example manifest missing");

    public static JsonElement Element(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }

    public static JsonObject Object(string json) => JsonNode.Parse(json)?.AsObject() ?? throw new ArgumentException("not an object", nameof(json));

    public static TriggerRequest Parse(string body, WorkflowManifest? manifest)
    {
        var result = TriggerRequestParser.Parse(Element(body), Examples, manifest);
        result.Errors.ShouldBeEmpty(string.Join("\n", result.Errors));
        return result.Request ?? throw new InvalidOperationException("no request");
    }
}
