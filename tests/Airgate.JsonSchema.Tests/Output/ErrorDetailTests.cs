namespace Airgate.JsonSchema.Tests.Output;

public sealed class ErrorDetailTests
{
    private const string NfSchemaStyle = """
        {"properties": {"input": {"type": "string", "pattern": "^\\S+\\.csv$", "errorMessage": "File name must end in '.csv' and cannot contain spaces"}}}
        """;

    [Fact]
    public void Evaluate_CustomErrorMessagesOn_UsesTheSchemasErrorMessageAndKeepsThePattern()
    {
        var schema = Schemas.Compile(NfSchemaStyle, new SchemaOptions { CustomErrorMessages = true });

        var error = schema.Evaluate(Schemas.Json("""{"input": "my file.csv"}""")).Errors.ShouldHaveSingleItem();

        error.Message.ShouldBe("File name must end in '.csv' and cannot contain spaces");
        error.Pattern.ShouldBe("^\\S+\\.csv$");
        error.Keyword.ShouldBe("pattern");
    }

    [Fact]
    public void Evaluate_CustomErrorMessagesOff_KeepsTheStandardMessage()
    {
        var error = Schemas.Compile(NfSchemaStyle).Evaluate(Schemas.Json("""{"input": 5}""")).Errors.ShouldHaveSingleItem();

        error.Message.ShouldBe("must be of type string but is integer");
    }

    [Theory]
    [InlineData("""{"required": ["reads"]}""", "required")]
    [InlineData("""{"properties": {"reads": {}}, "required": ["reads"]}""", "required")]
    [InlineData("""{"dependentRequired": {"r1": ["reads"]}}""", "dependentRequired")]
    public void Evaluate_MissingProperty_NamesItApartFromTheMessage(string schema, string keyword)
    {
        var error = Schemas.Compile(schema).Evaluate(Schemas.Json("""{"r1": "a"}""")).Errors.ShouldHaveSingleItem();

        error.Keyword.ShouldBe(keyword);
        error.Property.ShouldBe("reads");
        error.InstanceLocation.ShouldBe(string.Empty);
    }

    [Fact]
    public void Evaluate_OneOfMatchingNone_IsOneErrorNamingTheClosestAlternative()
    {
        var schema = Schemas.Compile("""{"oneOf": [{"type": "integer"}, {"title": "Settings", "type": "object", "properties": {"n": {"minimum": 1}}}]}""");

        var error = schema.Evaluate(Schemas.Json("""{"n": 0}""")).Errors.ShouldHaveSingleItem();

        error.Message.ShouldBe("must match exactly one of the 2 'oneOf' schemas but matches none; the closest is #1 (\"Settings\"): at /n must be >= 1 but is 0");
    }
}
