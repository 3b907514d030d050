using System.Text.Json;
using Airgate.Core.Parameters;

namespace Airgate.Core.Registry.Tests;

/// <summary>SPEC 3: broken files never open a workflow to unvalidated parameters, and a reload keeps the last good version.</summary>
public sealed class FailClosedRegistryTests
{
    private static readonly string GoodSchema = """{"type": "object", "properties": {"n": {"type": "integer", "maximum": 5}}}""";

    public static TheoryData<string, string> BrokenManifests => new()
    {
        { Files.Manifest("d", "ghost"), "Unknown pipeline" },
        { """{"dag_id": "d", "pipelines": 5}""", "must be an array" },
        { """{"dag_id": "d", "pipelines": ["p"], "tasks": {"t": ["other"]}}""", "not one of this manifest's pipelines" },
    };

    [Theory]
    [MemberData(nameof(BrokenManifests))]
    public void Load_BrokenManifest_KeepsTheWorkflowAsARefusal(string manifest, string message)
    {
        var snapshot = Files.Load(("p.json", Files.Native("p", GoodSchema)), ("m.json", manifest));

        var kept = snapshot.FindManifest("d").ShouldNotBeNull();
        kept.Problems.ShouldContain(p => p.File == "m.json" && p.Message.Contains(message, StringComparison.Ordinal));
        var parsed = TriggerRequestParser.Parse(JsonSerializer.SerializeToElement(new { @params = new { anything = "goes" } }), snapshot, kept);
        parsed.Request.ShouldBeNull();
        parsed.Errors.ShouldContain(e => e.Keyword == RequestKeywords.WorkflowUnavailable);
    }

    [Fact]
    public void Load_TaskNamingAPipelineThatDidNotLoad_IsOneRefusalSayingWhy()
    {
        var broken = """{"type": "object", "properties": {"n": {"type": "integer", "default": "five"}}}""";
        var snapshot = Files.Load(("p.json", Files.Native("p", broken)), ("m.json", """{"dag_id": "d", "pipelines": ["p"], "tasks": {"t": ["p"]}}"""));

        var kept = snapshot.FindManifest("d").ShouldNotBeNull();
        var problem = kept.Problems.ShouldHaveSingleItem();
        problem.Pointer.ShouldBe("/pipelines/0");
        problem.Message.ShouldContain("is not loaded because of its own problems");
        problem.Message.ShouldContain("default");
        kept.Problems.ShouldNotContain(p => p.Message.Contains("not one of this manifest's pipelines", StringComparison.Ordinal));
        var parsed = TriggerRequestParser.Parse(JsonSerializer.SerializeToElement(new { pipelines = new { p = new { n = 1 } } }), snapshot, kept);
        parsed.Errors.Count(e => e.Keyword == RequestKeywords.WorkflowUnavailable).ShouldBe(1);
    }

    [Fact]
    public void Load_TwoManifestsForOneDag_KeepOneRefusal()
    {
        var snapshot = Files.Load(("p.json", Files.Native("p")), ("a.json", Files.Manifest("d", "p")), ("b.json", Files.Manifest("d", "p")));

        snapshot.Manifests.ShouldHaveSingleItem().Problems.Count.ShouldBe(2);
    }

    [Fact]
    public void Reload_ProfileBreaks_KeepsTheLastGoodVersionAndSaysSo()
    {
        var first = Files.Load(("p.json", Files.Native("p", GoodSchema)), ("m.json", Files.Manifest("d", "p")));

        var second = RegistryLoader.Load([new("p.json", "{ \"id\": \"p\", "), new("m.json", Files.Manifest("d", "p"))], first);

        second.ProfilesById["p"].ShouldBeSameAs(first.ProfilesById["p"]);
        second.Problems.ShouldContain(p => p.File == "p.json" && p.Message.Contains("last good version of the profile 'p' stays in use", StringComparison.Ordinal));
        second.FindManifest("d").ShouldNotBeNull().Problems.ShouldBeEmpty();
    }

    [Fact]
    public void Reload_ProfileFileDeleted_TakesItAway()
    {
        var first = Files.Load(("p.json", Files.Native("p", GoodSchema)));

        var second = RegistryLoader.Load([new("q.json", Files.Native("q"))], first);

        second.ProfilesById.ContainsKey("p").ShouldBeFalse();
    }

    [Fact]
    public void Reload_ManifestBreaks_KeepsTheLastGoodManifest()
    {
        var first = Files.Load(("p.json", Files.Native("p")), ("m.json", Files.Manifest("d", "p")));

        var second = RegistryLoader.Load([new("p.json", Files.Native("p")), new("m.json", """{"dag_id": "d", "pipelines": "p"}""")], first);

        second.FindManifest("d").ShouldNotBeNull().Problems.ShouldBeEmpty();
        second.Problems.ShouldContain(p => p.File == "m.json" && p.Message.Contains("last good manifest", StringComparison.Ordinal));
    }

    [Fact]
    public void Reload_ProfileFixed_UsesTheNewVersion()
    {
        var first = Files.Load(("p.json", Files.Native("p", GoodSchema)));
        var broken = RegistryLoader.Load([new("p.json", "{")], first);

        var fixedAgain = RegistryLoader.Load([new("p.json", Files.Native("p", """{"type": "object"}"""))], broken);

        fixedAgain.Problems.ShouldBeEmpty();
        fixedAgain.ProfilesById["p"].ResolvedSchema.GetRawText().ShouldNotContain("maximum");
    }
}
