namespace Airgate.Core.Registry.Tests;

public sealed class InheritanceTests
{
    // Grandparent uses its own $defs and a ref to its own root's properties; both must survive two moves.
    private const string GrandparentSchema = """
        {
          "$schema": "https://json-schema.org/draft/2020-12/schema",
          "type": "object",
          "properties": {
            "sample": {"$ref": "#/$defs/sample"},
            "backup_sample": {"$ref": "#/properties/sample"},
            "threads": {"type": "integer", "minimum": 1, "default": 2}
          },
          "required": ["sample"],
          "$defs": {"sample": {"type": "string", "pattern": "^[a-z]+$"}}
        }
        """;

    private static RegistrySnapshot ThreeLevels() => Files.Load(
        ("level0/grand.json", Files.Compatible("grand-1", GrandparentSchema, runnable: false)),
        ("level1/parent.json", Files.Native("parent-1", Files.Extends("grand", """{"depth": {"type": "integer", "maximum": 10}}"""), inherits: """["grand"]""", runnable: false)),
        ("level2/child.json", Files.Compatible("child-1", Files.Extends("parent-1", """{"mode": {"enum": ["fast", "slow"]}}"""), inherits: """["parent-1"]""")));

    [Fact]
    public void Resolve_ThreeLevels_EveryRefResolvesInsideTheDocument()
    {
        var snapshot = ThreeLevels();

        snapshot.Problems.ShouldBeEmpty();
        var resolved = snapshot.ProfilesById["child-1"].ResolvedSchema;
        RefWalker.References(resolved).Count.ShouldBeGreaterThanOrEqualTo(4);
        RefWalker.Unresolved(resolved).ShouldBeEmpty();
        RefWalker.References(resolved).ShouldAllBe(r => r.StartsWith("#/", StringComparison.Ordinal));
    }

    [Fact]
    public void Resolve_ThreeLevels_HoistsEveryAncestorsDefsToTheRoot()
    {
        var resolved = ThreeLevels().ProfilesById["child-1"].ResolvedSchema;

        var defs = resolved.GetProperty("$defs");
        defs.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal).ShouldBe(["grand", "parent-1", "sample"]);
        defs.GetProperty("parent-1").TryGetProperty("$defs", out _).ShouldBeFalse();
        defs.GetProperty("grand").TryGetProperty("$schema", out _).ShouldBeFalse();
        defs.GetProperty("parent-1").TryGetProperty("unevaluatedProperties", out _).ShouldBeFalse();
        resolved.GetProperty("unevaluatedProperties").GetBoolean().ShouldBeFalse();
        defs.GetProperty("grand").GetProperty("properties").GetProperty("backup_sample").GetProperty("$ref").GetString()
            .ShouldBe("#/$defs/grand/properties/sample");
    }

    [Fact]
    public void Resolve_ThreeLevels_ValidatesAgainstEveryLevel()
    {
        var child = ThreeLevels().ProfilesById["child-1"];

        child.Ancestors.ShouldBe(["parent-1", "grand-1"]);
        child.Validator.IsValid(Json.Parse("""{"sample": "abc", "depth": 3, "mode": "fast"}""")).ShouldBeTrue();
        child.Validator.IsValid(Json.Parse("""{"depth": 3}""")).ShouldBeFalse();
        child.Validator.IsValid(Json.Parse("""{"sample": "ABC"}""")).ShouldBeFalse();
        child.Validator.IsValid(Json.Parse("""{"sample": "abc", "backup_sample": "X1"}""")).ShouldBeFalse();
        child.Validator.IsValid(Json.Parse("""{"sample": "abc", "depth": 11}""")).ShouldBeFalse();
        child.Validator.IsValid(Json.Parse("""{"sample": "abc", "unknown": 1}""")).ShouldBeFalse();
    }

    [Fact]
    public void Resolve_DiamondWithTheSameGrandparent_KeepsOneCopy()
    {
        var snapshot = Files.Load(
            ("g.json", Files.Native("g", GrandparentSchema, runnable: false)),
            ("l.json", Files.Native("l", Files.Extends("g"), inherits: """["g"]""", runnable: false)),
            ("r.json", Files.Native("r", Files.Extends("g"), inherits: """["g"]""", runnable: false)),
            ("c.json", Files.Native("c", """{"allOf": [{"$ref": "#/$defs/l"}, {"$ref": "#/$defs/r"}]}""", inherits: """["l", "r"]""")));

        snapshot.Problems.ShouldBeEmpty();
        var child = snapshot.ProfilesById["c"];
        child.Ancestors.ShouldBe(["l", "g", "r"]);
        RefWalker.Unresolved(child.ResolvedSchema).ShouldBeEmpty();
    }

    [Fact]
    public void Resolve_ParentDefsClashWithChildDefs_IsAProblem()
    {
        var snapshot = Files.Load(
            ("g.json", Files.Native("g", GrandparentSchema, runnable: false)),
            ("c.json", Files.Native("c", """{"allOf": [{"$ref": "#/$defs/g"}], "$defs": {"sample": {"type": "integer"}}}""", inherits: """["g"]""")));

        snapshot.ProfilesById.ContainsKey("c").ShouldBeFalse();
        snapshot.Problems.ShouldContain(p => p.File == "c.json" && p.Pointer == "/inherits/0" && p.Message.Contains("$defs/sample"));
    }

    [Fact]
    public void Resolve_ProfileWithoutParents_KeepsItsSchemaAsWritten()
    {
        var snapshot = Files.Load(("g.json", Files.Native("g", GrandparentSchema)));

        var resolved = snapshot.ProfilesById["g"].ResolvedSchema;
        resolved.GetProperty("$defs").EnumerateObject().Select(p => p.Name).ShouldBe(["sample"]);
        resolved.GetProperty("properties").GetProperty("backup_sample").GetProperty("$ref").GetString().ShouldBe("#/properties/sample");
    }

    [Fact]
    public void Resolve_ParentWithId_DropsItSoLocalRefsStillResolve()
    {
        var snapshot = Files.Load(
            ("b.json", Files.Native("b", """{"$id": "https://example.org/b.json", "properties": {"x": {"$ref": "#/$defs/x"}}, "$defs": {"x": {"type": "integer", "default": 3}}}""", runnable: false)),
            ("c.json", Files.Native("c", """{"allOf": [{"$ref": "#/$defs/b"}], "properties": {"y": {"$ref": "#/$defs/x"}}}""", inherits: """["b"]""")));

        snapshot.Problems.ShouldBeEmpty();
        var child = snapshot.ProfilesById["c"];
        child.ResolvedSchema.GetProperty("$defs").GetProperty("b").TryGetProperty("$id", out _).ShouldBeFalse();
        RefWalker.Unresolved(child.ResolvedSchema).ShouldBeEmpty();
        child.Validator.IsValid(Json.Parse("""{"x": 1, "y": 2}""")).ShouldBeTrue();
        child.Validator.IsValid(Json.Parse("""{"x": "one"}""")).ShouldBeFalse();
    }
}
