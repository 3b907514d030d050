namespace Airgate.Core.Registry.Tests;

public sealed class RegistrySeverityTests
{
    public static TheoryData<string, string, ProblemSeverity> Defaults => new()
    {
        // Never filled in: the parameter object itself, an allOf-joined group, an unused definition.
        { """{"type": "object", "default": ""}""", "/parameters_schema/default", ProblemSeverity.Warning },
        { """{"$defs": {"g": {"type": "object", "default": "", "properties": {"a": {"type": "string"}}}}, "allOf": [{"$ref": "#/$defs/g"}]}""", "/parameters_schema/$defs/g/default", ProblemSeverity.Warning },
        { """{"allOf": [{"type": "object", "default": 1}]}""", "/parameters_schema/allOf/0/default", ProblemSeverity.Warning },
        { """{"$defs": {"unused": {"type": "integer", "default": "x"}}}""", "/parameters_schema/$defs/unused/default", ProblemSeverity.Warning },
        // Filled in when the client leaves the value out: still an error.
        { """{"properties": {"n": {"type": "integer", "default": "x"}}}""", "/parameters_schema/properties/n/default", ProblemSeverity.Error },
        { """{"properties": {"n": {"$ref": "#/$defs/int"}}, "$defs": {"int": {"type": "integer", "default": "x"}}}""", "/parameters_schema/$defs/int/default", ProblemSeverity.Error },
        { """{"$defs": {"g": {"properties": {"n": {"type": "integer", "default": "x"}}}}, "allOf": [{"$ref": "#/$defs/g"}]}""", "/parameters_schema/$defs/g/properties/n/default", ProblemSeverity.Error },
        { """{"properties": {"list": {"type": "array", "items": {"type": "integer", "default": "x"}}}}""", "/parameters_schema/properties/list/items/default", ProblemSeverity.Error },
        { """{"properties": {"o": {"allOf": [{"type": "string", "default": 1}]}}}""", "/parameters_schema/properties/o/allOf/0/default", ProblemSeverity.Error },
    };

    [Theory]
    [MemberData(nameof(Defaults))]
    public void Load_FailingDefault_IsAWarningOnlyWhereItCanNeverBeFilled(string schema, string location, ProblemSeverity severity)
    {
        var snapshot = Files.Load(("a.json", Files.Native("a", schema)));

        var problem = snapshot.Problems.ShouldHaveSingleItem();
        problem.Pointer.ShouldBe(location);
        problem.Severity.ShouldBe(severity);
        snapshot.Profiles.Any(p => p.Id == "a").ShouldBe(severity == ProblemSeverity.Warning);
    }

    [Fact]
    public void Load_DefaultWhosePatternCannotFinishInTime_IsAWarningAndTheProfileLoads()
    {
        // Only the backtracking engine runs this pattern, and never finishes on this value: unknown, not wrong.
        var value = new string('a', 5000) + "!";
        var snapshot = Files.Load(("a.json", Files.Native("a", "{\"properties\": {\"code\": {\"type\": \"string\", \"pattern\": \"(?=a)(a|aa)+$\", \"default\": \"" + value + "\"}}}")));

        var problem = snapshot.Problems.ShouldHaveSingleItem();
        problem.Pointer.ShouldBe("/parameters_schema/properties/code/default");
        problem.Severity.ShouldBe(ProblemSeverity.Warning);
        problem.Message.ShouldContain("could not be checked");
        snapshot.Profiles.ShouldContain(p => p.Id == "a");
    }

    [Fact]
    public void Problem_ToString_NamesTheSeverity()
    {
        new RegistryProblem("a.json", "/x", "m", ProblemSeverity.Warning).ToString().ShouldBe("a.json:/x: warning: m");
        new RegistryProblem("a.json", "/x", "m").ToString().ShouldBe("a.json:/x: error: m");
    }

    [Fact]
    public void Problem_Json_CarriesSeverityInLowerCase()
    {
        var json = System.Text.Json.JsonSerializer.Serialize(new RegistryProblem("a.json", "", "m", ProblemSeverity.Warning));

        json.ShouldContain("\"Severity\":\"warning\"");
    }
}
