namespace Airgate.Core.Registry.Tests;

public sealed class RegistryReferenceTests
{
    public static TheoryData<string> InheritReferences => new() { "base-1", "Base pipeline@1.0.0", "base-file" };

    [Theory]
    [MemberData(nameof(InheritReferences))]
    public void Inherits_AnyReferenceKind_PlacesParentUnderDefsAsWritten(string reference)
    {
        var key = reference.Replace(" ", "%20", StringComparison.Ordinal);
        var snapshot = Files.Load(
            ("base-file.json", Files.Native("base-1", name: "Base pipeline", runnable: false, schema: """{"type": "object", "properties": {"a": {"type": "integer"}}, "required": ["a"]}""")),
            ("child.json", Files.Native("child-1", inherits: $"[\"{reference}\"]", schema: Files.Extends(key, """{"b": {"type": "string"}}"""))));

        snapshot.Problems.ShouldBeEmpty();
        var child = snapshot.ProfilesById["child-1"];
        child.ResolvedSchema.GetProperty("$defs").TryGetProperty(reference, out var parent).ShouldBeTrue();
        parent.GetProperty("required")[0].GetString().ShouldBe("a");
        child.Ancestors.ShouldBe(["base-1"]);
        child.Validator.IsValid(Json.Parse("""{"a": 1, "b": "x"}""")).ShouldBeTrue();
        child.Validator.IsValid(Json.Parse("""{"b": "x"}""")).ShouldBeFalse();
        child.Validator.IsValid(Json.Parse("""{"a": 1, "c": true}""")).ShouldBeFalse();
    }

    [Theory]
    [InlineData("tool-2")]
    [InlineData("Tool@2.0")]
    public void FindProfile_ByIdOrNameAtVersion_FindsIt(string reference)
    {
        var snapshot = Files.Load(("t.json", Files.Native("tool-2", name: "Tool", version: "2.0")));

        snapshot.FindProfile(reference)?.Id.ShouldBe("tool-2");
    }

    [Fact]
    public void FindProfile_FileStem_IsNotAnId()
    {
        var snapshot = Files.Load(("stem.json", Files.Native("tool-2")));

        snapshot.FindProfile("stem").ShouldBeNull();
    }

    [Fact]
    public void Manifest_NameAtVersionReferences_AreNormalisedToIds()
    {
        var snapshot = Files.Load(
            ("t.json", Files.Native("tool-2", name: "My Tool", version: "2.0")),
            ("m.json", """{"dag_id": "d", "pipelines": ["My Tool@2.0"], "tasks": {"t1": ["My Tool@2.0"]}}"""));

        snapshot.Problems.ShouldBeEmpty();
        snapshot.FindManifest("d")?.Pipelines.ShouldBe(["tool-2"]);
        snapshot.FindManifest("d")?.Tasks["t1"].ShouldBe(["tool-2"]);
    }

    [Fact]
    public void FixedPipelineRegistry_Current_IsTheSnapshotGiven()
    {
        var snapshot = Files.Load(("t.json", Files.Native("tool-2")));

        new FixedPipelineRegistry(snapshot).Current.ShouldBeSameAs(snapshot);
    }
}
