using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Airgate.Core.Parameters.Tests;

/// <summary>SPEC 4.2: a Nextflow profile's command line carries only what the user set or what differs from a default, written as Nextflow reads it.</summary>
public sealed class NextflowCommandLineTests
{
    public static TheoryData<string, string> Numbers => new()
    {
        { "1e-6", "0.000001" },
        { "1E-6", "0.000001" },
        { "-2.5e-3", "-0.0025" },
        { "1.5E3", "1500" },
        { "1e+2", "100" },
        { "12e0", "12" },
        { "0e5", "0" },
        { "-0.0e3", "0" },
        { "123.450e1", "1234.5" },
        { "42", "42" },
        { "0.1", "0.1" },
        { "2.0", "2.0" },
        { "9007199254740993", "9007199254740993" },
        { "-7", "-7" },
    };

    [Theory]
    [MemberData(nameof(Numbers))]
    public void PlainNumber_JsonNumber_IsWrittenWithoutExponent(string json, string expected) =>
        NextflowCommandLine.PlainNumber(json).ShouldBe(expected);

    [Fact]
    public void Render_NextflowProfile_CarriesOnlyUserSetOrNonDefaultValues()
    {
        var profile = Fixtures.Examples.ProfilesById[Fixtures.Kraken2];
        var request = Fixtures.Parse($$$"""{"pipelines": {"{{{Fixtures.Kraken2}}}": {{{Fixtures.ValidKraken2Parameters}}}}}""", Fixtures.SpeciesScreen);
        var validated = ParameterValidator.Validate(request).Pipelines.ShouldHaveSingleItem();

        var line = NextflowCliReader.Read(NextflowCommandLine.Render(validated));

        line.Keys.ShouldBe(["samples", "outdir", "kraken2_db"], ignoreOrder: true);
        validated.Parameters.Count.ShouldBeGreaterThan(line.Count);
        profile.Id.ShouldBe(Fixtures.Kraken2);
    }

    [Fact]
    public void Render_UserSetsADefaultValue_KeepsItOnTheLine()
    {
        var request = Fixtures.Parse($$$"""{"pipelines": {"{{{Fixtures.Kraken2}}}": {"samples": [{"sample": "s", "r1": "/a.fq"}], "outdir": "/o", "kraken2_db": "/db.tar.gz", "max_memory": "32 GB"} } }""", Fixtures.SpeciesScreen);
        var validated = ParameterValidator.Validate(request).Pipelines.ShouldHaveSingleItem();

        NextflowCliReader.Read(NextflowCommandLine.Render(validated))["max_memory"].ShouldBe("32 GB");
    }

    [Fact]
    public void Render_DefaultChangedByFilling_IsNotOnTheLineButStaysInTheOptions()
    {
        var validated = ParameterValidator.Validate(Fixtures.Parse($$$"""{"pipelines": {"{{{Fixtures.Kraken2}}}": {{{Fixtures.ValidKraken2Parameters}}}}}""", Fixtures.SpeciesScreen)).Pipelines.ShouldHaveSingleItem();

        validated.Parameters.ContainsKey("max_memory").ShouldBeTrue();
        NextflowCommandLine.Select(validated).ContainsKey("max_memory").ShouldBeFalse();
    }

    /// <summary>Every example Nextflow profile, with every parameter that has a default set by the user (so all are rendered), read back by Nextflow's rules.</summary>
    public static TheoryData<string> ExampleNextflowProfiles()
    {
        var data = new TheoryData<string>();
        foreach (var profile in Fixtures.Examples.Profiles.Where(NextflowCommandLine.IsNextflow))
        {
            data.Add(profile.Id);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(ExampleNextflowProfiles))]
    public void Render_EveryExampleProfile_ReadsBackAsTheSameValuesUnderNextflowsRules(string profileId)
    {
        var profile = Fixtures.Examples.ProfilesById[profileId];
        var parameters = DefaultFiller.Fill([], profile.ResolvedSchema);
        parameters["airgate_small_number"] = JsonNode.Parse("1e-6");
        parameters["airgate_large_number"] = JsonNode.Parse("2.5E3");
        parameters["airgate_exact_integer"] = JsonNode.Parse("9007199254740993");
        var validated = new ValidatedPipeline(profile, parameters);

        var rendered = NextflowCommandLine.Render(validated);
        var read = NextflowCliReader.Read(rendered);

        read.Keys.ShouldBe(parameters.Where(p => p.Value is not null).Select(p => p.Key), ignoreOrder: true);
        foreach (var (name, value) in parameters)
        {
            if (value is not null)
            {
                AssertSameValue(name, value, read[name]);
            }
        }

        rendered.ShouldNotContain("e-6");
        read["airgate_small_number"].ShouldBe(0.000001);
        read["airgate_exact_integer"].ShouldBe(9007199254740993L);
    }

    private static void AssertSameValue(string name, JsonNode expected, object actual)
    {
        switch (expected.GetValueKind())
        {
            case JsonValueKind.True or JsonValueKind.False:
                actual.ShouldBe(expected.GetValue<bool>(), name);
                break;
            case JsonValueKind.Number:
                var number = decimal.Parse(expected.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture);
                (actual switch
                {
                    int i => i,
                    long l => l,
                    double d => (decimal)d,
                    _ => throw new ShouldAssertException($"{name}: {expected.ToJsonString()} reached Nextflow as the text '{actual}'"),
                }).ShouldBe(number, name);
                break;
            case JsonValueKind.String:
                actual.ShouldBe(expected.GetValue<string>(), name);
                break;
            default:
                actual.ShouldBe(expected.ToJsonString(), name);
                break;
        }
    }

    [Fact]
    public void Render_TrueBeforeAnotherOption_IsNotSwallowedByIt()
    {
        var profile = Fixtures.Examples.Profiles.First(NextflowCommandLine.IsNextflow);
        var validated = new ValidatedPipeline(profile, Fixtures.Object("""{"skip_qc": true, "outdir": "/o"}"""));

        var read = NextflowCliReader.Read(NextflowCommandLine.Render(validated));

        read["skip_qc"].ShouldBe(true);
        read["outdir"].ShouldBe("/o");
    }
}
