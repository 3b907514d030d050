namespace Airgate.Core.Parameters.Tests;

public sealed class TriggerRequestParserTests
{
    public static TheoryData<string, bool, string?, string, string> BadBodies => new()
    {
        { "[]", true, null, "", RequestKeywords.Type },
        { """{"pipelines": []}""", true, null, "/pipelines", RequestKeywords.Type },
        { """{"pipelines": {"ghost-1.0": {}}}""", true, "ghost-1.0", "", RequestKeywords.UnknownPipeline },
        { """{"pipelines": {"fastqc-0.12.1": {}}}""", true, Fixtures.FastQc, "", RequestKeywords.NotInWorkflow },
        { """{"pipelines": {"bactopia-kraken2-3.2.0": {}, "Bactopia Kraken2@3.2.0": {}}}""", true, Fixtures.Kraken2, "", RequestKeywords.Duplicate },
        { """{"pipelines": {"bactopia-kraken2-3.2.0": [1]}}""", true, Fixtures.Kraken2, "", RequestKeywords.Type },
        { """{"pipelines": {}, "pipelineConfigs": []}""", true, null, "", RequestKeywords.WrongForm },
        { """{"pipelineConfigs": {}}""", true, null, "/pipelineConfigs", RequestKeywords.Type },
        { """{"pipelineConfigs": [{"id": "x"}]}""", true, null, "/pipelineConfigs/0", RequestKeywords.Type },
        { """{"pipelineConfigs": [{"pipelineId": "bactopia-kraken2-3.2.0", "parameters": {}}]}""", true, null, "/pipelineConfigs/0/parameters", RequestKeywords.UnknownField },
        { """{"pipelines": {}, "pipeline": {}}""", true, null, "/pipeline", RequestKeywords.UnknownField },
        { """{"params": {}}""", true, null, "/params", RequestKeywords.WrongForm },
        { """{"note": 5}""", true, null, "/note", RequestKeywords.Type },
        { """{"logical_date": "2026-01-15T09:00:00"}""", true, null, "/logical_date", RequestKeywords.Format },
        { """{"logical_date": "yesterday"}""", true, null, "/logical_date", RequestKeywords.Format },
        { """{"pipelines": {"bactopia-kraken2-3.2.0": {}}}""", false, null, "/pipelines", RequestKeywords.WrongForm },
        { """{"params": [1]}""", false, null, "/params", RequestKeywords.Type },
    };

    [Fact]
    public void Parse_NativeForm_ListsEveryManifestPipelineInStageOrder()
    {
        var request = Fixtures.Parse($$$"""{"pipelines": {"{{{Fixtures.AmrFinder}}}": {"outdir": "/r"}}, "note": "first try", "logical_date": "2026-01-15T09:00:00Z"}""", Fixtures.AmrAnalysis);

        request.Form.ShouldBe(TriggerRequestForm.Pipelines);
        request.Pipelines.Select(p => p.Profile.Id).ShouldBe([Fixtures.FastQc, Fixtures.AmrFinder]);
        request.Pipelines[0].Parameters.ShouldBeNull();
        request.Pipelines[1].Parameters?["outdir"]?.GetValue<string>().ShouldBe("/r");
        request.Note.ShouldBe("first try");
        request.LogicalDate.ShouldBe(new DateTimeOffset(2026, 1, 15, 9, 0, 0, TimeSpan.Zero));
    }

    [Fact]
    public void Parse_CompatibleForm_ReadsEachProfilesOptionsField()
    {
        var request = Fixtures.Parse($$$"""
            {"pipelineConfigs": [
              {"pipelineId": "{{{Fixtures.FastQc}}}", "fastqc_options": {"reads": ["a.fq"]}},
              {"pipelineId": "Bactopia AMRFinderPlus@3.2.0", "nextflowOptions": {"outdir": "/r"}, "nextflowOptionsCli": "ignored"}
            ]}
            """, Fixtures.AmrAnalysis);

        request.Form.ShouldBe(TriggerRequestForm.PipelineConfigs);
        request.Pipelines[0].Parameters?["reads"]?[0]?.GetValue<string>().ShouldBe("a.fq");
        request.Pipelines[1].Parameters?["outdir"]?.GetValue<string>().ShouldBe("/r");
    }

    [Fact]
    public void Parse_NameAtVersion_IsNormalisedToTheId()
    {
        var request = Fixtures.Parse("""{"pipelines": {"Bactopia Kraken2@3.2.0": {}}}""", Fixtures.SpeciesScreen);

        request.Pipelines.Single().Profile.Id.ShouldBe(Fixtures.Kraken2);
        request.Pipelines.Single().Parameters.ShouldNotBeNull();
    }

    [Fact]
    public void Parse_ClientIdentityBlock_IsDropped()
    {
        var request = Fixtures.Parse("""{"pipelines": {}, "airgate": {"triggering_user_id": "someone-else"}}""", Fixtures.SpeciesScreen);

        request.Pipelines.Single().Parameters.ShouldBeNull();
    }

    [Fact]
    public void Parse_DagParamsForm_ReadsParams()
    {
        var request = Fixtures.Parse("""{"params": {"source": "ncbi"}, "note": null}""", manifest: null);

        request.Form.ShouldBe(TriggerRequestForm.DagParams);
        request.DagParams?["source"]?.GetValue<string>().ShouldBe("ncbi");
        request.Note.ShouldBeNull();
    }

    [Fact]
    public void Parse_EmptyBodyWithoutManifest_MeansNoParams()
    {
        Fixtures.Parse("{}", manifest: null).DagParams.ShouldBeEmpty();
    }

    [Theory]
    [MemberData(nameof(BadBodies))]
    public void Parse_BadBody_ReportsPipelinePointerAndKeyword(string body, bool withManifest, string? pipeline, string location, string keyword)
    {
        var result = TriggerRequestParser.Parse(Fixtures.Element(body), Fixtures.Examples, withManifest ? Fixtures.SpeciesScreen : null);

        result.Succeeded.ShouldBeFalse();
        result.Errors.ShouldContain(e => e.Pipeline == pipeline && e.Pointer == location && e.Keyword == keyword, string.Join("\n", result.Errors));
    }

    [Fact]
    public void Parse_SeveralMistakes_ReportsThemAllAtOnce()
    {
        var body = """{"pipelines": {"ghost": {}, "fastqc-0.12.1": {}}, "note": 1, "logical_date": "soon", "extra": true}""";

        var result = TriggerRequestParser.Parse(Fixtures.Element(body), Fixtures.Examples, Fixtures.SpeciesScreen);

        result.Errors.Select(e => e.Keyword).Order(StringComparer.Ordinal).ShouldBe(
            [RequestKeywords.Format, RequestKeywords.NotInWorkflow, RequestKeywords.Type, RequestKeywords.UnknownField, RequestKeywords.UnknownPipeline]);
    }
}
