using System.Text;

namespace Airgate.JsonSchema.Tests.Output;

public sealed class HostileInputTests
{
    [Fact]
    public void Evaluate_InstanceNested10000Levels_AnswersWithADepthError()
    {
        var schema = Schemas.Compile("""{"items": {"$ref": "#"}}""");
        var instance = Schemas.Json(new string('[', 10_000) + new string(']', 10_000));

        var result = schema.Evaluate(instance);

        result.IsValid.ShouldBeFalse();
        result.Errors.ShouldContain(e => e.Message.Contains("deeper than"));
        schema.IsValid(instance).ShouldBeFalse();
    }

    [Fact]
    public void Compile_SchemaNested10000Levels_ThrowsInvalidSchema()
    {
        var text = new StringBuilder();
        for (var i = 0; i < 10_000; i++)
        {
            text.Append("""{"items": """);
        }

        text.Append("true").Append('}', 10_000);

        Should.Throw<InvalidSchemaException>(() => Schemas.Compile(text.ToString())).Message.ShouldContain("deeper than");
    }

    [Fact]
    public void Evaluate_RefLoopOnTheSameInstance_AnswersWithALoopError()
    {
        var schema = Schemas.Compile("""{"$defs": {"a": {"$ref": "#/$defs/b"}, "b": {"$ref": "#/$defs/a"}}, "$ref": "#/$defs/a"}""");

        var result = schema.Evaluate(Schemas.Json("1"));

        result.IsValid.ShouldBeFalse();
        result.Errors.ShouldContain(e => e.Message.Contains("loops back"));
        schema.IsValid(Schemas.Json("1")).ShouldBeFalse();
    }

    [Fact]
    public void Evaluate_RecursiveSchemaOverNestedData_IsNotMistakenForALoop()
    {
        var schema = Schemas.Compile("""{"properties": {"child": {"$ref": "#"}}, "required": ["name"]}""");

        schema.IsValid(Schemas.Json("""{"name": "a", "child": {"name": "b", "child": {"name": "c"}}}""")).ShouldBeTrue();
    }

    [Fact]
    public void Evaluate_NumberBeyondDouble_ComparesExactly()
    {
        var error = Schemas.Compile("""{"maximum": 1e308}""").Evaluate(Schemas.Json("1e400")).Errors.ShouldHaveSingleItem();

        error.Message.ShouldBe("must be <= 1e308 but is 1e400");
    }

    [Fact]
    public void Evaluate_VeryLongInteger_ComparesExactly()
    {
        var schema = Schemas.Compile("""{"exclusiveMaximum": 123456789012345678901234567890123456789}""");

        schema.IsValid(Schemas.Json("123456789012345678901234567890123456788")).ShouldBeTrue();
        schema.IsValid(Schemas.Json("123456789012345678901234567890123456789")).ShouldBeFalse();
    }

    [Fact]
    public void Evaluate_CatastrophicPatternWithoutLookaround_GivesTheExactVerdictWithNoTimeout()
    {
        // A one-tick timeout would reject every value if the pattern ran on the backtracking engine: the verdict
        // below can only come from the linear-time engine, which never consults the clock.
        var options = new SchemaOptions { RegexTimeout = TimeSpan.FromTicks(1) };
        var schema = Schemas.Compile("""{"pattern": "^(a|aa)+$"}""", options);
        var bad = Schemas.Json("\"" + new string('a', 5000) + "!\"");
        var good = Schemas.Json("\"" + new string('a', 5000) + "\"");

        var result = schema.Evaluate(bad);

        result.Errors.ShouldHaveSingleItem().Message.ShouldBe("must match the pattern '^(a|aa)+$'");
        schema.IsValid(bad).ShouldBeFalse();
        schema.IsValid(good).ShouldBeTrue();
        schema.Evaluate(good).IsValid.ShouldBeTrue();
    }

    [Theory]
    [InlineData("^[a-z]+\\.(fa|fasta)(\\.gz)?$", "genome.fasta.gz")]
    [InlineData("^\\S+\\.f(ast)?q\\.gz$", "reads_R1.fastq.gz")]
    [InlineData("^(?<sample>[A-Za-z0-9_]+)$", "sample_01")]
    [InlineData("\\bword\\b", "a word here")]
    [InlineData("[]|x", "x")]
    public void Evaluate_PatternWithoutLookaround_MatchesWithAOneTickTimeout(string pattern, string value)
    {
        var schema = Schemas.Compile($$"""{"pattern": {{System.Text.Json.JsonSerializer.Serialize(pattern)}}}""", new SchemaOptions { RegexTimeout = TimeSpan.FromTicks(1) });

        schema.IsValid(Schemas.Json(System.Text.Json.JsonSerializer.Serialize(value))).ShouldBeTrue();
    }

    [Fact]
    public void Compile_InvalidPattern_ThrowsInvalidSchema() =>
        Should.Throw<InvalidSchemaException>(() => Schemas.Compile("""{"pattern": "(unclosed"}""")).SchemaLocation.ShouldBe("/pattern");
}
