namespace Airgate.Core.Parameters.Tests;

public sealed class RequestFingerprintTests
{
    private static string Fingerprint(string body, string dagId = "bactopia_species_screen") =>
        RequestFingerprint.Compute(dagId, Fixtures.Parse(body, Fixtures.Examples.FindManifest(dagId)));

    [Fact]
    public void Compute_SameRequestInEitherFormOrReference_IsTheSame()
    {
        var native = Fingerprint("""{"pipelines": {"bactopia-kraken2-3.2.0": {"outdir": "/r", "max_cpus": 8}}, "note": "n"}""");
        var byName = Fingerprint("""{"pipelines": {"Bactopia Kraken2@3.2.0": {"max_cpus": 8.0, "outdir": "/r"}}, "note": "n"}""");
        var compatible = Fingerprint("""{"note": "n", "pipelineConfigs": [{"pipelineId": "bactopia-kraken2-3.2.0", "nextflowOptions": {"max_cpus": 8, "outdir": "/r"}}]}""");

        byName.ShouldBe(native);
        compatible.ShouldBe(native);
        native.Length.ShouldBe(64);
    }

    public static TheoryData<string> Different => new()
    {
        """{"pipelines": {"bactopia-kraken2-3.2.0": {"outdir": "/r", "max_cpus": 9}}, "note": "n"}""",
        """{"pipelines": {"bactopia-kraken2-3.2.0": {"outdir": "/r", "max_cpus": 8}}, "note": "other"}""",
        """{"pipelines": {"bactopia-kraken2-3.2.0": {"outdir": "/r", "max_cpus": 8}}}""",
        """{"pipelines": {"bactopia-kraken2-3.2.0": {"outdir": "/r", "max_cpus": 8}}, "note": "n", "logical_date": "2026-01-15T09:00:00Z"}""",
        """{"pipelines": {"bactopia-kraken2-3.2.0": {"outdir": "/r", "max_cpus": "8"}}, "note": "n"}""",
    };

    [Theory]
    [MemberData(nameof(Different))]
    public void Compute_AnyChange_GivesAnotherFingerprint(string body)
    {
        Fingerprint(body).ShouldNotBe(Fingerprint("""{"pipelines": {"bactopia-kraken2-3.2.0": {"outdir": "/r", "max_cpus": 8}}, "note": "n"}"""));
    }

    [Fact]
    public void Compute_AnotherWorkflow_GivesAnotherFingerprint()
    {
        RequestFingerprint.Compute("a", Fixtures.Parse("{}", manifest: null))
            .ShouldNotBe(RequestFingerprint.Compute("b", Fixtures.Parse("{}", manifest: null)));
    }

    [Theory]
    [InlineData("""{"b": 1, "a": [1, {"y": 2, "x": 1}]}""", """{"a":[1,{"x":1,"y":2}],"b":1}""")]
    [InlineData("""{"n": 1.0, "m": 1e2, "s": "é\u00e9"}""", """{"m":100,"n":1,"s":"\u00E9\u00E9"}""")]
    public void CanonicalJson_Write_SortsKeysAndNormalisesNumbers(string json, string expected)
    {
        CanonicalJson.Write(System.Text.Json.Nodes.JsonNode.Parse(json)).ShouldBe(expected);
    }
}
