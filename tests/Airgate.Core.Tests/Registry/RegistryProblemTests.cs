namespace Airgate.Core.Registry.Tests;

public sealed class RegistryProblemTests
{
    private static readonly Dictionary<string, (string File, string Json)[]> Cases = new()
    {
        ["invalid json"] = [("bad.json", "{\n  \"id\": \"a\",\n  oops\n}")],
        ["duplicate key"] = [("bad.json", """{"id": "a", "name": "A", "version": "1", "parameters_schema": {"properties": {"n": {"type": "integer"}, "n": {"type": "string"}}}}""")],
        ["not an object"] = [("bad.json", "[1, 2]")],
        ["lone surrogate"] = [("bad.json", """{"id": "a", "name": "\ud800", "version": "1", "parameters_schema": {}}""")],
        ["neither profile nor manifest"] = [("bad.json", """{"hello": "world"}""")],
        ["both profile and manifest"] = [("bad.json", """{"id": "a", "dag_id": "d"}""")],
        ["mixed forms"] = [("bad.json", """{"id": "a", "pipelineName": "A", "version": "1", "parameters_schema": {}}""")],
        ["missing name"] = [("bad.json", """{"id": "a", "version": "1", "parameters_schema": {}}""")],
        ["missing pipelineId"] = [("bad.json", """{"pipelineName": "A", "version": "1", "parametersSchema": {}}""")],
        ["missing schema"] = [("bad.json", """{"pipelineId": "a", "pipelineName": "A", "version": "1"}""")],
        ["wrong type"] = [("bad.json", """{"id": "a", "name": "A", "version": "1", "runnable": "yes", "parameters_schema": {}}""")],
        ["bad id"] = [("bad.json", Files.Native("-starts-with-dash"))],
        ["id too long"] = [("bad.json", Files.Native(new string('a', 129)))],
        ["bad encoding"] = [("bad.json", """{"id": "a", "name": "A", "version": "1", "parameters_schema": {}, "submission": {"encoding": "yaml"}}""")],
        ["default fails"] = [("bad.json", Files.Native("a", """{"properties": {"n": {"type": "integer", "minimum": 1, "default": 0}}}"""))],
        ["const fails"] = [("bad.json", Files.Compatible("a", """{"properties": {"wf": {"type": "string", "const": 5}}}"""))],
        ["nested default fails"] = [("bad.json", Files.Native("a", """{"properties": {"o": {"$ref": "#/$defs/s"}}, "$defs": {"s": {"type": "object", "properties": {"x": {"type": "string", "maxLength": 2, "default": "long"}}}}}"""))],
        ["duplicate id"] = [("bad.json", Files.Native("a", name: "One")), ("other.json", Files.Native("a", name: "Two"))],
        ["duplicate name@version"] = [("bad.json", Files.Compatible("a", name: "Same")), ("other.json", Files.Native("b", name: "Same"))],
        ["unknown parent"] = [("bad.json", Files.Native("a", inherits: """["nope"]"""))],
        ["self parent"] = [("bad.json", Files.Native("a", inherits: """["a"]"""))],
        ["cycle"] = [("bad.json", Files.Native("a", inherits: """["b"]""")), ("other.json", Files.Native("b", inherits: """["a"]"""))],
        ["broken parent"] = [("bad.json", Files.Native("a", inherits: """["p"]""")), ("p.json", "{")],
        ["parent with bad default"] = [("bad.json", Files.Native("a", inherits: """["p"]""")), ("p.json", Files.Native("p", """{"properties": {"n": {"type": "integer", "default": "x"}}}"""))],
        ["manifest unknown pipeline"] = [("bad.json", Files.Manifest("d", "ghost"))],
        ["manifest non-runnable"] = [("base.json", Files.Native("base", runnable: false)), ("bad.json", """{"dag_id": "d", "pipeline_ids": ["base"]}""")],
        ["manifest listed twice"] = [("a.json", Files.Native("a")), ("bad.json", Files.Manifest("d", "a", "a"))],
        ["manifest missing dag_id"] = [("bad.json", """{"dag_id": "", "pipelines": []}""")],
        ["manifest bad dag_id"] = [("bad.json", """{"dag_id": "has space", "pipelines": []}""")],
        ["manifest duplicate dag_id"] = [("bad.json", Files.Manifest("d")), ("other.json", Files.Manifest("d"))],
        ["task names other profile"] = [("a.json", Files.Native("a")), ("b.json", Files.Native("b")), ("bad.json", """{"dag_id": "d", "pipelines": ["a"], "tasks": {"run_b": ["b"]}}""")],
        ["manifest both lists"] = [("bad.json", """{"dag_id": "d", "pipelines": [], "pipeline_ids": []}""")],
    };

    public static TheoryData<string, string, string> Expected => new()
    {
        { "invalid json", "", "Invalid JSON at line 3, position 3: " },
        { "not an object", "", "JSON object" },
        { "lone surrogate", "/name", "not valid Unicode" },
        { "duplicate key", "", "Invalid JSON: Duplicate property 'n'" },
        { "neither profile nor manifest", "", "Neither a pipeline profile" },
        { "both profile and manifest", "", "split it" },
        { "mixed forms", "", "mixes native fields" },
        { "missing name", "/name", "'name' is required" },
        { "missing pipelineId", "/pipelineId", "'pipelineId' is required" },
        { "missing schema", "/parametersSchema", "'parametersSchema' is required" },
        { "wrong type", "/runnable", "must be true or false" },
        { "bad id", "/id", "not a valid profile id" },
        { "id too long", "/id", "not a valid profile id" },
        { "bad encoding", "/submission/encoding", "\"cli-string\"" },
        { "default fails", "/parameters_schema/properties/n/default", "The default value 0 fails its own schema" },
        { "const fails", "/parametersSchema/properties/wf/const", "The const value 5 fails its own schema" },
        { "nested default fails", "/parameters_schema/$defs/s/properties/x/default", "fails its own schema" },
        { "duplicate id", "/id", "also used by other.json" },
        { "duplicate name@version", "/pipelineName", "'Same@1.0.0' is also used by other.json" },
        { "unknown parent", "/inherits/0", "Unknown parent: 'nope'" },
        { "self parent", "/inherits/0", "Inheritance cycle: a → a" },
        { "cycle", "/inherits/0", "Inheritance cycle: a → b → a" },
        { "broken parent", "/inherits/0", "Unknown parent: 'p'" },
        { "parent with bad default", "/inherits/0", "not loaded because of its own problems" },
        { "manifest unknown pipeline", "/pipelines/0", "Unknown pipeline: 'ghost'" },
        { "manifest non-runnable", "/pipeline_ids/0", "not runnable" },
        { "manifest listed twice", "/pipelines/1", "more than once" },
        { "manifest missing dag_id", "/dag_id", "must not be empty" },
        { "manifest bad dag_id", "/dag_id", "not a valid dag_id" },
        { "manifest duplicate dag_id", "/dag_id", "also has a manifest in other.json" },
        { "task names other profile", "/tasks/run_b/0", "not one of this manifest's pipelines" },
        { "manifest both lists", "", "keep one" },
    };

    [Theory]
    [MemberData(nameof(Expected))]
    public void Load_BrokenFile_ReportsProblemWithFileAndPointer(string @case, string location, string message)
    {
        var snapshot = Files.Load(Cases[@case]);

        snapshot.Problems.ShouldContain(
            p => p.File == "bad.json" && p.Pointer == location && p.Message.Contains(message, StringComparison.Ordinal),
            string.Join("\n", snapshot.Problems));
        snapshot.Profiles.ShouldNotContain(p => p.File == "bad.json");
        // A broken manifest stays as a refusal (fail closed), never as a runnable workflow.
        snapshot.Manifests.ShouldAllBe(m => m.Problems.Count > 0);
    }

    [Fact]
    public void Load_EveryCase_HasAnExpectation()
    {
        Cases.Keys.Order(StringComparer.Ordinal).ShouldBe(Expected.Select(row => (string)row[0]).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Load_Cycle_ReportsItOnEveryMember()
    {
        var snapshot = Files.Load(Cases["cycle"]);

        snapshot.Problems.Count(p => p.Message.Contains("Inheritance cycle", StringComparison.Ordinal)).ShouldBe(2);
        snapshot.Problems.ShouldContain(p => p.File == "other.json" && p.Pointer == "/inherits/0");
        snapshot.Profiles.ShouldBeEmpty();
    }

    [Fact]
    public void Load_DuplicateId_ReportsBothFilesAndLoadsNeither()
    {
        var snapshot = Files.Load(Cases["duplicate id"]);

        snapshot.Problems.Select(p => p.File).ShouldBe(["bad.json", "other.json"]);
        snapshot.Profiles.ShouldBeEmpty();
    }

    [Fact]
    public void Load_SchemaAgainstMetaSchema_ReportsUnderTheSchemaPointer()
    {
        var snapshot = Files.Load(("bad.json", Files.Native("a", """{"type": "object", "properties": {"n": {"minimum": "one"}}}""")));

        snapshot.Problems.ShouldNotBeEmpty();
        snapshot.Problems.ShouldAllBe(p => p.File == "bad.json" && p.Pointer.StartsWith("/parameters_schema", StringComparison.Ordinal));
        snapshot.Problems.ShouldContain(p => p.Pointer == "/parameters_schema/properties/n/minimum", string.Join("\n", snapshot.Problems));
        snapshot.Profiles.ShouldBeEmpty();
    }

    [Fact]
    public void Load_UnresolvableRef_ReportsThatTheSchemaCannotBeCompiled()
    {
        var snapshot = Files.Load(("bad.json", Files.Native("a", """{"properties": {"n": {"$ref": "#/$defs/missing"}}}""")));

        snapshot.Problems.ShouldContain(p => p.File == "bad.json" && p.Pointer.StartsWith("/parameters_schema", StringComparison.Ordinal) && p.Message.Contains("cannot be compiled", StringComparison.Ordinal), string.Join("\n", snapshot.Problems));
        snapshot.Profiles.ShouldBeEmpty();
    }

    [Fact]
    public void Load_BadRegexAndBadDefault_ReportsBoth()
    {
        var snapshot = Files.Load(("bad.json", Files.Native("a", """{"properties": {"p": {"type": "string", "pattern": "(["}, "q": {"type": "string", "pattern": "^a+$", "default": "b"}}}""")));

        snapshot.Problems.Select(p => p.Pointer).ShouldBe(["/parameters_schema/properties/p/pattern", "/parameters_schema/properties/q/default"], ignoreOrder: true);
    }

    [Fact]
    public void Load_OneBrokenFile_KeepsEverythingElse()
    {
        var snapshot = Files.Load(
            ("a.json", Files.Native("a")),
            ("b.json", Files.Compatible("b")),
            ("broken.json", "{ \"id\": "),
            ("m.json", Files.Manifest("d", "a", "b")));

        snapshot.Problems.Count.ShouldBe(1);
        snapshot.Problems[0].File.ShouldBe("broken.json");
        snapshot.Profiles.Select(p => p.Id).ShouldBe(["a", "b"]);
        snapshot.FindManifest("d").ShouldNotBeNull();
    }

    [Fact]
    public void Load_ValidDefaultsAndConsts_AreNotProblems()
    {
        var snapshot = Files.Load(("a.json", Files.Native("a", """
            {"type": "object", "properties": {
              "n": {"type": "integer", "minimum": 1, "default": 1},
              "wf": {"const": "x"},
              "o": {"type": "object", "default": {"k": 1}, "properties": {"k": {"type": "integer", "default": 2}}}
            }}
            """)));

        snapshot.Problems.ShouldBeEmpty();
    }
}
