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
    public void ValidateDagParams_PatternOutOfTime_IsUndeterminedNeitherValidNorAPlainError()
    {
        // Unanchored, the lookahead can sit anywhere: only the backtracking engine runs it, exponential on "aaa...!".
        var schema = DagParamsSchema.Build(Fixtures.Element("""{"code": {"value": null, "schema": {"type": "string", "pattern": "(?=a)(a|aa)+$"}}}"""));

        var result = ParameterValidator.ValidateDagParams(new System.Text.Json.Nodes.JsonObject { ["code"] = new string('a', 5000) + "!" }, schema);

        result.Undetermined.ShouldBeTrue();
        result.IsValid.ShouldBeFalse();
        result.DagParams.ShouldBeNull();
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
    public void Validate_MissingParameterObject_GivesOneHintAndEachMissingPropertyOnceAtItsOwnPointer()
    {
        var request = Fixtures.Parse("""{"pipelines": {}}""", Fixtures.SpeciesScreen);

        var errors = ParameterValidator.Validate(request).Errors;

        errors.Select(e => (e.Pointer, e.Keyword)).ShouldBe([("", "required"), ("/samples", "required"), ("/outdir", "required"), ("/kraken2_db", "required")], ignoreOrder: true);
        errors.Single(e => e.Pointer == "").Message.ShouldBe($"No parameters were given for '{Fixtures.Kraken2}', which has required parameters; send them under pipelines.{Fixtures.Kraken2}.");
        errors.Single(e => e.Pointer == "/outdir").Message.ShouldBe("'outdir' is required");
        errors.ShouldBeUnique();
    }

    [Fact]
    public void Validate_MissingParameterObjectInPipelineConfigs_HintNamesTheOptionsField()
    {
        var request = Fixtures.Parse($$"""{"pipelineConfigs": [{"pipelineId": "{{Fixtures.Kraken2}}"}]}""", Fixtures.SpeciesScreen);

        var hint = ParameterValidator.Validate(request).Errors.Single(e => e.Pointer == "");

        hint.Message.ShouldContain("pipelineConfigs entry under 'nextflowOptions'");
        hint.Message.ShouldNotContain("pipelines.");
    }

    [Fact]
    public void Validate_PatternWithoutErrorMessage_SaysWhatIsExpectedAndCarriesThePattern()
    {
        var snapshot = Registry.RegistryLoader.Load([
            new("p.json", """{"id": "p", "name": "P", "version": "1", "parameters_schema": {"properties": {"sample": {"type": "string", "pattern": "^[A-Za-z0-9_]+$"}}}}"""),
            new("m.json", """{"dag_id": "d", "pipelines": ["p"]}"""),
        ]);
        var parsed = TriggerRequestParser.Parse(Fixtures.Element("""{"pipelines": {"p": {"sample": "my sample"}}}"""), snapshot, snapshot.FindManifest("d"));

        var error = ParameterValidator.Validate(parsed.Request ?? throw new InvalidOperationException()).Errors.ShouldHaveSingleItem();

        error.Pointer.ShouldBe("/sample");
        error.Message.ShouldBe("must match the pattern '^[A-Za-z0-9_]+$'");
        error.Pattern.ShouldBe("^[A-Za-z0-9_]+$");
    }

    [Fact]
    public void Validate_OneBadItemInALongList_IsNamedByItsIndex()
    {
        var samples = string.Join(", ", Enumerable.Range(0, 19).Select(i => i == 13
            ? """{"sample": "bad sample!", "r1": "/d/x.fq.gz"}"""
            : $$"""{"sample": "S{{i}}", "r1": "/d/S{{i}}.fq.gz"}"""));
        var request = Fixtures.Parse($$"""{"pipelines": {"{{Fixtures.Kraken2}}": {"samples": [{{samples}}], "outdir": "/o", "kraken2_db": "/db"} } }""", Fixtures.SpeciesScreen);

        var error = ParameterValidator.Validate(request).Errors.ShouldHaveSingleItem();

        error.Pointer.ShouldBe("/samples/13/sample");
        error.Keyword.ShouldBe("pattern");
    }

    [Fact]
    public void Validate_AnyOfFailure_IsOneErrorNamingTheClosestAlternative()
    {
        var snapshot = Registry.RegistryLoader.Load([
            new("p.json", """
                {"id": "p", "name": "P", "version": "1", "parameters_schema": {"properties": {"reads": {"anyOf": [
                  {"title": "Single-end", "type": "object", "required": ["r1"], "properties": {"r1": {"type": "string"}}, "additionalProperties": false},
                  {"title": "Paired-end", "type": "object", "required": ["r1", "r2"], "properties": {"r1": {"type": "string"}, "r2": {"type": "string"}}}
                ]}}}}
                """),
            new("m.json", """{"dag_id": "d", "pipelines": ["p"]}"""),
        ]);
        var parsed = TriggerRequestParser.Parse(Fixtures.Element("""{"pipelines": {"p": {"reads": {"r1": "a.fq", "r2": 5}}}}"""), snapshot, snapshot.FindManifest("d"));

        var error = ParameterValidator.Validate(parsed.Request ?? throw new InvalidOperationException()).Errors.ShouldHaveSingleItem();

        error.Pointer.ShouldBe("/reads");
        error.Keyword.ShouldBe("anyOf");
        error.Message.ShouldBe("must match at least one of the 2 'anyOf' schemas but matches none; the closest is #0 (\"Single-end\"): at /r2 property 'r2' is not allowed");
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
