namespace Airgate.Core.Parameters.Tests;

public sealed class ParameterValidatorTests
{
    [Fact]
    public void Validate_GoodParameters_ReturnsThemFilled()
    {
        var request = Fixtures.Parse($$$"""{"pipelines": {"{{{Fixtures.Kraken2}}}": {{{Fixtures.ValidKraken2Parameters}}}}}""", Fixtures.SpeciesScreen);

        var result = ParameterValidator.Validate(request);

        result.Errors.ShouldBeEmpty(string.Join("\n", result.Errors));
        var parameters = result.Pipelines.Single().Parameters;
        parameters["wf"]?.GetValue<string>().ShouldBe("kraken2");
        parameters["max_cpus"]?.GetValue<int>().ShouldBe(4);
    }

    [Fact]
    public void Validate_ManyBadParametersInTwoPipelines_ReturnsEveryErrorWithPipelinePointerAndKeyword()
    {
        var request = Fixtures.Parse($$$"""
            {"pipelines": {
              "{{{Fixtures.FastQc}}}": {"reads": ["a.txt"], "threads": 0},
              "{{{Fixtures.AmrFinder}}}": {"samples": [{"sample": "s", "r1": "a.fq"}], "outdir": "relative", "max_cpus": 500, "amrfinder_organism": "Yeti", "typo": 1}
            }}
            """, Fixtures.AmrAnalysis);

        var result = ParameterValidator.Validate(request);

        result.IsValid.ShouldBeFalse();
        result.Pipelines.ShouldBeEmpty();
        var errors = result.Errors.Select(e => (e.Pipeline, e.Pointer, e.Keyword)).ToList();
        errors.ShouldContain((Fixtures.FastQc, "/reads/0", "pattern"));
        errors.ShouldContain((Fixtures.FastQc, "/threads", "minimum"));
        errors.ShouldContain((Fixtures.AmrFinder, "/outdir", "pattern"));
        errors.ShouldContain((Fixtures.AmrFinder, "/max_cpus", "maximum"));
        errors.ShouldContain((Fixtures.AmrFinder, "/amrfinder_organism", "enum"));
        errors.ShouldContain((Fixtures.AmrFinder, "/typo", "unevaluatedProperties"));
        result.Errors.ShouldAllBe(e => e.Message.Length > 0);
    }

    [Fact]
    public void Validate_MissingParametersForPipelineWithRequiredOnes_IsAnError()
    {
        var request = Fixtures.Parse("""{"pipelines": {}}""", Fixtures.SpeciesScreen);

        var result = ParameterValidator.Validate(request);

        result.Errors.ShouldContain(e => e.Pipeline == Fixtures.Kraken2 && e.Pointer == "" && e.Keyword == RequestKeywords.Required && e.Message.StartsWith("No parameters were given", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_MissingParametersForPipelineWithoutRequiredOnes_FillsDefaults()
    {
        var snapshot = Registry.RegistryLoader.Load([
            new("p.json", """{"id": "p", "name": "P", "version": "1", "parameters_schema": {"properties": {"n": {"type": "integer", "default": 3}}}}"""),
            new("m.json", """{"dag_id": "d", "pipelines": ["p"]}"""),
        ]);
        var parsed = TriggerRequestParser.Parse(Fixtures.Element("{}"), snapshot, snapshot.FindManifest("d"));

        var result = ParameterValidator.Validate(parsed.Request ?? throw new InvalidOperationException());

        result.Errors.ShouldBeEmpty();
        result.Pipelines.Single().Parameters.ToJsonString().ShouldBe("""{"n":3}""");
    }

    [Fact]
    public void Validate_UserValueAgainstConst_IsRejectedNotOverwritten()
    {
        var request = Fixtures.Parse("""{"pipelines": {"bactopia-kraken2-3.2.0": {"samples": [{"sample": "s", "r1": "a.fq"}], "outdir": "/r", "kraken2_db": "/db", "wf": "amrfinderplus"}}}""", Fixtures.SpeciesScreen);

        var result = ParameterValidator.Validate(request);

        result.Errors.ShouldContain(e => e.Pipeline == Fixtures.Kraken2 && e.Pointer == "/wf" && e.Keyword == "const");
    }
}
