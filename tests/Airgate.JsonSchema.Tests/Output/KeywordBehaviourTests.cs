using System.Text.Json;

namespace Airgate.JsonSchema.Tests.Output;

public sealed class KeywordBehaviourTests
{
    public static TheoryData<string, string, bool> Cases => new()
    {
        // 2.0 is an integer; numbers compare by value.
        { """{"type": "integer"}""", "2.0", true },
        { """{"type": "integer"}""", "1e400", true },
        { """{"const": 1}""", "1.0", true },
        // String length counts code points, not UTF-16 units.
        { """{"maxLength": 2}""", "\"\uD83D\uDCA9\uD83D\uDCA9\"", true },
        { """{"minLength": 3}""", "\"\uD83D\uDCA9\uD83D\uDCA9\"", false },
        // $ref beside other keywords is applied with them.
        { """{"$defs": {"s": {"type": "string"}}, "$ref": "#/$defs/s", "maxLength": 2}""", "\"abc\"", false },
        // default is an annotation, never asserted.
        { """{"properties": {"a": {"type": "string", "default": 5}}}""", "{}", true },
        // unevaluatedProperties sees what allOf/$ref evaluated.
        { """{"$defs": {"base": {"properties": {"a": {}}}}, "allOf": [{"$ref": "#/$defs/base"}], "properties": {"b": {}}, "unevaluatedProperties": false}""", """{"a": 1, "b": 2}""", true },
        { """{"$defs": {"base": {"properties": {"a": {}}}}, "allOf": [{"$ref": "#/$defs/base"}], "properties": {"b": {}}, "unevaluatedProperties": false}""", """{"a": 1, "c": 2}""", false },
        // Huge numbers compare exactly.
        { """{"maximum": 1e308}""", "1e400", false },
        { """{"minimum": 18446744073709551615}""", "18446744073709551616", true },
        { """{"multipleOf": 0.0001}""", "1e308", true },
        { """{"multipleOf": 0.01}""", "0.075", false },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void IsValid_KeywordTrap_MatchesTheSpecification(string schema, string instance, bool valid)
    {
        var compiled = Schemas.Compile(schema);

        compiled.IsValid(Schemas.Json(instance)).ShouldBe(valid);
        compiled.Evaluate(Schemas.Json(instance)).IsValid.ShouldBe(valid);
    }

    [Fact]
    public void Compile_UnknownExternalRef_ThrowsWithTheLocation()
    {
        var exception = Should.Throw<InvalidSchemaException>(() => Schemas.Compile("""{"properties": {"a": {"$ref": "https://example.com/missing.json"}}}"""));

        exception.SchemaLocation.ShouldBe("/properties/a/$ref");
        exception.Message.ShouldContain("https://example.com/missing.json");
    }

    [Fact]
    public void Compile_FragmentInsideRegisteredOpenApiDocument_ResolvesLocalRefsAgainstTheDocument()
    {
        var registry = new SchemaRegistry();
        registry.Register(new Uri("urn:airflow:3.2.1"), Schemas.Json("""
            {
              "openapi": "3.1.0",
              "components": {
                "schemas": {
                  "DAGRunResponse": {"type": "object", "properties": {"state": {"$ref": "#/components/schemas/DagRunState"}}, "required": ["state"]},
                  "DagRunState": {"enum": ["queued", "running", "success", "failed"]},
                  "Unreached": {"$ref": "#/components/schemas/DoesNotExist"}
                }
              }
            }
            """));

        var schema = CompiledSchema.Compile(new Uri("urn:airflow:3.2.1#/components/schemas/DAGRunResponse"), new SchemaOptions { Registry = registry });

        schema.IsValid(Schemas.Json("""{"state": "running"}""")).ShouldBeTrue();
        var error = schema.Evaluate(Schemas.Json("""{"state": "paused"}""")).Errors.ShouldHaveSingleItem();
        error.KeywordLocation.ShouldBe("/properties/state/$ref/enum");
        error.AbsoluteKeywordLocation.ShouldBe("urn:airflow:3.2.1#/components/schemas/DagRunState/enum");
    }

    [Fact]
    public void MetaSchemasValidate_InvalidSchema_ReportsEveryProblem()
    {
        var result = MetaSchemas.Validate(Schemas.Json("""{"type": 12, "minimum": "one"}"""));

        result.IsValid.ShouldBeFalse();
        result.Errors.ShouldContain(e => e.InstanceLocation == "/type");
        result.Errors.ShouldContain(e => e.InstanceLocation == "/minimum");
    }

    [Fact]
    public void MetaSchemasValidate_ValidSchema_IsValid() =>
        MetaSchemas.Validate(Schemas.Json("""{"type": "object", "properties": {"a": {"type": "string"}}}""")).IsValid.ShouldBeTrue();

    [Fact]
    public void Evaluate_ManyThreadsSharingOneSchema_AgreeWithASingleThread()
    {
        var schema = Schemas.Compile("""{"items": {"type": "integer", "maximum": 10}}""");
        var instances = Enumerable.Range(0, 200).Select(i => Schemas.Json($"[1, 2, {i}]")).ToArray();

        var parallel = new bool[instances.Length];
        Parallel.For(0, instances.Length, i => parallel[i] = schema.Evaluate(instances[i]).IsValid);

        parallel.ShouldBe(instances.Select(i => schema.IsValid(i)).ToArray());
    }

    [Fact]
    public void Compile_SchemaDocumentDisposedAfterCompile_StillEvaluates()
    {
        CompiledSchema schema;
        using (var document = JsonDocument.Parse("""{"required": ["a"]}"""))
        {
            schema = CompiledSchema.Compile(document.RootElement);
        }

        schema.IsValid(Schemas.Json("{}")).ShouldBeFalse();
    }
}
