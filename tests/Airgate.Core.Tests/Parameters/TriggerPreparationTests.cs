namespace Airgate.Core.Parameters.Tests;

public sealed class TriggerPreparationTests
{
    private static readonly TriggeringUser Ada = new("u-17", "Ada Lovelace");

    [Fact]
    public void Prepare_ValidPipelines_GivesConfAndFingerprint()
    {
        var body = Fixtures.Element($$$"""{"pipelines": {"{{{Fixtures.Kraken2}}}": {{{Fixtures.ValidKraken2Parameters}}}}, "airgate": {"triggering_user_id": "mallory"}}""");

        var prepared = TriggerPreparation.Prepare("bactopia_species_screen", body, Fixtures.Examples, Fixtures.SpeciesScreen, null, Ada);

        prepared.IsValid.ShouldBeTrue(string.Join("\n", prepared.Errors));
        prepared.Fingerprint?.Length.ShouldBe(64);
        prepared.Conf?["airgate"]?["triggering_user_id"]?.GetValue<string>().ShouldBe("u-17");
        prepared.Conf?["pipelineConfigs"]?[0]?["nextflowOptions"]?["wf"]?.GetValue<string>().ShouldBe("kraken2");
    }

    [Fact]
    public void Prepare_InvalidParameters_GivesErrorsAndStillAFingerprint()
    {
        var body = Fixtures.Element("""{"pipelines": {"bactopia-kraken2-3.2.0": {"max_cpus": 0}}}""");

        var prepared = TriggerPreparation.Prepare("bactopia_species_screen", body, Fixtures.Examples, Fixtures.SpeciesScreen, null, Ada);

        prepared.IsValid.ShouldBeFalse();
        prepared.Conf.ShouldBeNull();
        prepared.Fingerprint.ShouldNotBeNull();
        prepared.Errors.Select(e => e.Keyword).ShouldContain("minimum");
        prepared.Errors.Select(e => e.Keyword).ShouldContain("required");
    }

    [Fact]
    public void Prepare_UnparseableBody_GivesErrorsOnly()
    {
        var prepared = TriggerPreparation.Prepare("d", Fixtures.Element("[]"), Fixtures.Examples, Fixtures.SpeciesScreen, null, Ada);

        prepared.Errors.ShouldHaveSingleItem().Keyword.ShouldBe(RequestKeywords.Type);
        prepared.Fingerprint.ShouldBeNull();
    }

    [Fact]
    public void Prepare_DagParams_ValidatesAndBuildsFlatConf()
    {
        var schema = DagParamsSchema.Build(Fixtures.Element("""{"source": {"value": "ncbi", "schema": {"type": "string"}}, "accession": {"value": null, "schema": {"type": "string"}}}"""));

        var prepared = TriggerPreparation.Prepare("reference_download", Fixtures.Element("""{"params": {"accession": "GCF_1.1"}}"""), Fixtures.Examples, null, schema, Ada);

        prepared.IsValid.ShouldBeTrue(string.Join("\n", prepared.Errors));
        prepared.Conf?.ToJsonString().ShouldBe("""{"accession":"GCF_1.1","source":"ncbi","airgate":{"triggering_user_id":"u-17","triggering_user_name":"Ada Lovelace"}}""");
    }

    [Fact]
    public void Prepare_RequestErrorsAndParameterErrors_AreAnsweredTogether()
    {
        var body = Fixtures.Element("""{"pipelines": {"ghost": {}, "fastqc-0.12.1": {"reads": [], "threads": 99}}}""");

        var prepared = TriggerPreparation.Prepare("bactopia_amr_analysis", body, Fixtures.Examples, Fixtures.AmrAnalysis, null, Ada);

        prepared.IsValid.ShouldBeFalse();
        prepared.Fingerprint.ShouldBeNull();
        var errors = prepared.Errors.Select(e => (e.Pipeline, e.Pointer, e.Keyword)).ToList();
        errors.ShouldContain(("ghost", "", RequestKeywords.UnknownPipeline));
        errors.ShouldContain((Fixtures.FastQc, "/reads", "minItems"));
        errors.ShouldContain((Fixtures.FastQc, "/threads", "maximum"));
        errors.ShouldContain((Fixtures.AmrFinder, "", RequestKeywords.Required));
    }
}
