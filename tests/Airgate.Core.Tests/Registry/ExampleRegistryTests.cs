using Airgate.Core.Profiles;
using Airgate.Testing;

namespace Airgate.Core.Registry.Tests;

public sealed class ExampleRegistryTests
{
    private static readonly string ExamplesPath = Path.Combine(RepositoryPaths.Root, "examples", "registry");

    private static RegistrySnapshot Examples() => RegistryLoader.Load(ExamplesPath);

    [Fact]
    public void Examples_Load_WithNoProblems()
    {
        var snapshot = Examples();

        // The Nextflow example is an nf-core-style schema used unchanged: its groups' "default": "" are warnings only.
        snapshot.Problems.ShouldAllBe(p => p.Severity == ProblemSeverity.Warning && p.File == "profiles/ampliconseq/nextflow_schema.json", string.Join("\n", snapshot.Problems));
        snapshot.Profiles.Select(p => p.Id).ShouldBe(["ampliconseq-1.4.0", "bactopia-amrfinderplus-3.2.0", "bactopia-base-3.2.0", "bactopia-kraken2-3.2.0", "fastqc-0.12.1"]);
        snapshot.Manifests.Select(m => m.DagId).ShouldBe(["amplicon_16s_survey", "bactopia_amr_analysis", "bactopia_species_screen"]);
    }

    [Fact]
    public void Examples_Manifests_NameTheStagesAndTasks()
    {
        var snapshot = Examples();

        snapshot.FindManifest("bactopia_species_screen")?.Pipelines.ShouldBe(["bactopia-kraken2-3.2.0"]);
        var amr = snapshot.FindManifest("bactopia_amr_analysis");
        amr.ShouldNotBeNull();
        amr.Pipelines.ShouldBe(["fastqc-0.12.1", "bactopia-amrfinderplus-3.2.0"]);
        amr.Tasks["run_fastqc"].ShouldBe(["fastqc-0.12.1"]);
        amr.Tasks["run_amrfinderplus"].ShouldBe(["bactopia-amrfinderplus-3.2.0"]);
    }

    [Fact]
    public void Examples_Forms_AreTheOnesTheExamplesShow()
    {
        var snapshot = Examples();

        snapshot.ProfilesById["fastqc-0.12.1"].Form.ShouldBe(ProfileFileForm.Native);
        snapshot.ProfilesById["bactopia-kraken2-3.2.0"].Form.ShouldBe(ProfileFileForm.Compatible);
        snapshot.ProfilesById["bactopia-base-3.2.0"].Profile.Runnable.ShouldBeFalse();
        snapshot.ProfilesById["bactopia-kraken2-3.2.0"].Profile.Submission
            .ShouldBe(new SubmissionSettings { OptionsField = "nextflowOptions", Encoding = SubmissionEncoding.CliString });
        snapshot.FindProfile("Bactopia Kraken2@3.2.0")?.Id.ShouldBe("bactopia-kraken2-3.2.0");
    }

    [Theory]
    [InlineData("bactopia-kraken2-3.2.0", "bactopia-base-3.2.0")]
    [InlineData("bactopia-amrfinderplus-3.2.0", "bactopia-base")]
    public void Examples_Children_CarryTheBaseUnderDefsAndResolveEveryRef(string child, string key)
    {
        var resolved = Examples().ProfilesById[child].ResolvedSchema;

        resolved.GetProperty("$defs").TryGetProperty(key, out _).ShouldBeTrue();
        resolved.GetProperty("$defs").TryGetProperty("sample", out _).ShouldBeTrue();
        RefWalker.Unresolved(resolved).ShouldBeEmpty();
    }

    [Fact]
    public void Examples_Kraken2_ValidatesAScientistsParameters()
    {
        var validator = Examples().ProfilesById["bactopia-kraken2-3.2.0"].Validator;

        validator.IsValid(Json.Parse("""
            {"samples": [{"sample": "SA-001", "r1": "/data/SA-001_R1.fastq.gz", "r2": "/data/SA-001_R2.fastq.gz"}],
             "outdir": "/results/run-42", "kraken2_db": "/db/k2_standard_08gb.tar.gz", "min_confidence": 0.2, "max_memory": "64 GB"}
            """)).ShouldBeTrue();
        validator.IsValid(Json.Parse("""{"samples": [], "outdir": "/r", "kraken2_db": "/db"}""")).ShouldBeFalse();
        validator.IsValid(Json.Parse("""{"samples": [{"sample": "a", "r1": "a.fq"}], "outdir": "/r", "kraken2_db": "/db", "max_memory": "lots"}""")).ShouldBeFalse();
        validator.IsValid(Json.Parse("""{"samples": [{"sample": "a", "r1": "a.fq"}], "outdir": "/r", "kraken2_db": "/db", "wf": "other"}""")).ShouldBeFalse();
        validator.IsValid(Json.Parse("""{"samples": [{"sample": "a", "r1": "a.fq"}], "outdir": "/r", "kraken2_db": "/db", "typo_param": 1}""")).ShouldBeFalse();
    }
}
