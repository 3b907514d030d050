using System.Text.Json;
using Airgate.Testing;

namespace Airgate.Tests.Cli;

public sealed class SchemaCommandsTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("airgate-cli-");

    public void Dispose() => _folder.Delete(recursive: true);

    private string Write(string name, string text)
    {
        var path = Path.Combine(_folder.FullName, name);
        Directory.CreateDirectory(Path.GetDirectoryName(path) ?? _folder.FullName);
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public async Task Validate_OddInstances_AreReportedAsInvalidJsonAndTheOthersStillChecked()
    {
        var schema = Write("schema.json", """{"type": "object", "properties": {"n": {"type": "integer"}}}""");
        string[] instances =
        [
            Write("duplicate.json", """{"n": 1, "n": 2}"""),
            Write("surrogate.json", """{"s": "\ud800x"}"""),
            Write("truncated.json", """{"n": """),
            Write("good.json", """{"n": 1}"""),
            Write("bad.json", """{"n": "one"}"""),
        ];

        var (code, output, error) = await CliProcess.RunAsync(["schema", "validate", schema, .. instances]);

        error.ShouldBeEmpty();
        code.ShouldBe(2);
        var results = JsonDocument.Parse(output).RootElement.EnumerateArray().ToList();
        results.Count.ShouldBe(5);
        results[0].GetProperty("problem").GetString().ShouldSatisfyAllConditions(p => p.ShouldNotBeNull().ShouldContain("more than once"), p => p.ShouldNotBeNull().ShouldContain("'/n'"));
        results[1].GetProperty("problem").GetString().ShouldNotBeNull().ShouldContain("not valid Unicode");
        results[2].GetProperty("problem").GetString().ShouldNotBeNull().ShouldContain("not valid JSON at line 1");
        results[3].GetProperty("valid").GetBoolean().ShouldBeTrue();
        results[4].GetProperty("valid").GetBoolean().ShouldBeFalse();
    }

    [Fact]
    public async Task Suite_RootFolderOfTheSuite_FindsTestsAndRemotes()
    {
        var root = Write("suite/tests/draft2020-12/ref.json", """
            [{"description": "remote ref", "schema": {"$ref": "http://localhost:1234/integer.json"},
              "tests": [{"description": "an integer", "data": 1, "valid": true}, {"description": "a string", "data": "a", "valid": false}]}]
            """);
        Write("suite/remotes/integer.json", """{"type": "integer"}""");

        var (code, output, _) = await CliProcess.RunAsync("schema", "suite", Path.Combine(_folder.FullName, "suite"));

        code.ShouldBe(0, output);
        output.ShouldContain("2 passed, 0 failed");
        root.ShouldNotBeNull();
    }

    [Fact]
    public async Task Suite_SharedSuiteRoot_RunsTheWholeSuite()
    {
        var (_, output, error) = await CliProcess.RunAsync("schema", "suite", Path.Combine(RepositoryPaths.Shared, "json-schema", "test-suite"));

        error.ShouldBeEmpty();
        output.ShouldContain(" passed, ");
        int.Parse(output.Trim().Split('\n')[^1].Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture).ShouldBeGreaterThan(2000);
    }

    [Theory]
    [InlineData("""{"a": 1}""")]
    [InlineData("""[1, 2]""")]
    [InlineData("""[{"description": "no schema"}]""")]
    [InlineData("""{ not json""")]
    public async Task Suite_FileThatIsNotATestFile_IsAOneLineError(string text)
    {
        Write("odd/x.json", text);

        var (code, output, error) = await CliProcess.RunAsync("schema", "suite", Path.Combine(_folder.FullName, "odd"));

        code.ShouldBe(2);
        output.ShouldBeEmpty();
        error.Trim().Split('\n').ShouldHaveSingleItem().ShouldContain("x.json");
        error.ShouldNotContain("   at ");
    }
}
