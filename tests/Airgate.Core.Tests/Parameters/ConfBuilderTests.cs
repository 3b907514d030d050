using System.Text.Json.Nodes;

namespace Airgate.Core.Parameters.Tests;

public sealed class ConfBuilderTests
{
    private static readonly TriggeringUser Ada = new("u-17", "Ada Lovelace");

    private static IReadOnlyList<ValidatedPipeline> Validated(string body)
    {
        var result = ParameterValidator.Validate(Fixtures.Parse(body, Fixtures.SpeciesScreen));
        result.Errors.ShouldBeEmpty(string.Join("\n", result.Errors));
        return result.Pipelines;
    }

    [Fact]
    public void Build_CliStringProfile_WritesOptionsObjectAndQuotedString()
    {
        var conf = ConfBuilder.Build(Validated($$$"""{"pipelines": {"{{{Fixtures.Kraken2}}}": {{{Fixtures.ValidKraken2Parameters}}}}}"""), Ada);

        var entry = conf["pipelineConfigs"]?[0]?.AsObject() ?? throw new InvalidOperationException();
        entry.Select(p => p.Key).ShouldBe(["pipelineId", "nextflowOptions", "nextflowOptionsCli"]);
        entry["pipelineId"]?.GetValue<string>().ShouldBe(Fixtures.Kraken2);
        entry["nextflowOptions"]?["kraken2_db"]?.GetValue<string>().ShouldBe("/db/k2_standard_08gb.tar.gz");
        var cli = entry["nextflowOptionsCli"]?.GetValue<string>() ?? string.Empty;
        cli.ShouldContain("--kraken2_db /db/k2_standard_08gb.tar.gz");
        // A Nextflow profile's defaults stay in the options object but not on the command line (SPEC 4.2).
        entry["nextflowOptions"]?["max_memory"]?.GetValue<string>().ShouldBe("32 GB");
        cli.ShouldNotContain("--max_memory");
        cli.ShouldNotContain("--skip_qc");
        conf["airgate"]?.ToJsonString().ShouldBe("""{"triggering_user_id":"u-17","triggering_user_name":"Ada Lovelace"}""");
    }

    [Fact]
    public void Build_ObjectProfile_HasNoCliString()
    {
        var request = Fixtures.Parse("""{"pipelines": {"fastqc-0.12.1": {"reads": ["a.fq"]}, "bactopia-amrfinderplus-3.2.0": {"samples": [{"sample": "s", "r1": "a.fq"}], "outdir": "/r"}}}""", Fixtures.AmrAnalysis);
        var validated = ParameterValidator.Validate(request);

        var conf = ConfBuilder.Build(validated.Pipelines, Ada);

        var configs = conf["pipelineConfigs"]?.AsArray() ?? throw new InvalidOperationException();
        configs.Select(c => c?["pipelineId"]?.GetValue<string>()).ShouldBe([Fixtures.FastQc, Fixtures.AmrFinder]);
        configs[0]?.AsObject().Select(p => p.Key).ShouldBe(["pipelineId", "fastqc_options"]);
        configs[0]?["fastqc_options"]?.ToJsonString().ShouldBe("""{"reads":["a.fq"],"threads":2,"kmers":7,"nogroup":false}""");
        configs[1]?.AsObject().Select(p => p.Key).ShouldBe(["pipelineId", "nextflowOptions"]);
    }

    [Fact]
    public void Build_CustomKeyNames_AreUsed()
    {
        var options = new ConfOptions { PipelineConfigsKey = "dapConfigs", PipelineIdKey = "dapId", IdentityKey = "gateway", UserIdKey = "uid", UserNameKey = "uname", CliSuffix = "_cli" };

        var conf = ConfBuilder.Build(Validated($$$"""{"pipelines": {"{{{Fixtures.Kraken2}}}": {{{Fixtures.ValidKraken2Parameters}}}}}"""), Ada, options);

        conf.Select(p => p.Key).ShouldBe(["dapConfigs", "gateway"]);
        conf["dapConfigs"]?[0]?.AsObject().Select(p => p.Key).ShouldBe(["dapId", "nextflowOptions", "nextflowOptions_cli"]);
        conf["gateway"]?["uid"]?.GetValue<string>().ShouldBe("u-17");
    }

    [Fact]
    public void BuildForDagParams_ClientIdentityBlock_IsReplaced()
    {
        var conf = ConfBuilder.BuildForDagParams(Fixtures.Object("""{"source": "ncbi", "airgate": {"triggering_user_id": "mallory"}}"""), Ada);

        conf["source"]?.GetValue<string>().ShouldBe("ncbi");
        conf["airgate"]?["triggering_user_id"]?.GetValue<string>().ShouldBe("u-17");
        conf.ToJsonString().ShouldNotContain("mallory");
    }

    [Fact]
    public void Build_ParametersAreCopied_NotShared()
    {
        var validated = Validated($$$"""{"pipelines": {"{{{Fixtures.Kraken2}}}": {{{Fixtures.ValidKraken2Parameters}}}}}""");

        var conf = ConfBuilder.Build(validated, Ada);
        conf["pipelineConfigs"]?[0]?["nextflowOptions"]?.AsObject().Add("later", JsonValue.Create(1));

        validated[0].Parameters.ContainsKey("later").ShouldBeFalse();
    }
}
