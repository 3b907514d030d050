namespace Airgate.JsonSchema.Tests.Output;

public sealed class EvaluationResultTests
{
    private const string Profile = """
        {
          "type": "object",
          "properties": {
            "genome_size": { "type": "integer", "minimum": 1 },
            "species": { "$ref": "#/$defs/name" }
          },
          "required": ["genome_size"],
          "additionalProperties": false,
          "$defs": { "name": { "type": "string", "minLength": 3 } }
        }
        """;

    [Fact]
    public void Evaluate_NumberBelowMinimum_ReportsLocationsAndActionableMessage()
    {
        var result = Schemas.Compile(Profile).Evaluate(Schemas.Json("""{"genome_size": 0}"""));

        result.IsValid.ShouldBeFalse();
        var error = result.Errors.ShouldHaveSingleItem();
        error.InstanceLocation.ShouldBe("/genome_size");
        error.KeywordLocation.ShouldBe("/properties/genome_size/minimum");
        error.AbsoluteKeywordLocation.ShouldBe("#/properties/genome_size/minimum");
        error.Keyword.ShouldBe("minimum");
        error.Message.ShouldBe("must be >= 1 but is 0");
    }

    [Fact]
    public void Evaluate_Repeatedly_ReportsEachInstancesOwnLocationsAndMessages()
    {
        // Error strings are reused when a keyword repeats its last error; a different instance must still get its own.
        var schema = Schemas.Compile("""
            {
              "items": { "minimum": 1, "unevaluatedProperties": false, "properties": { "a/b": { "type": "string" } } }
            }
            """);

        var first = schema.Evaluate(Schemas.Json("""[0, {"a/b": 1, "x~y": 2}]"""));
        var again = schema.Evaluate(Schemas.Json("""[0, {"a/b": 1, "x~y": 2}]"""));
        var other = schema.Evaluate(Schemas.Json("""[5, -2, {"a/b": true, "z": 1}]"""));

        again.Errors.ShouldBe(first.Errors);
        first.Errors.Select(e => (e.InstanceLocation, e.KeywordLocation, e.Message)).ShouldBe(
        [
            ("/0", "/items/minimum", "must be >= 1 but is 0"),
            ("/1/a~1b", "/items/properties/a~1b/type", "must be of type string but is integer"),
            ("/1/x~0y", "/items/unevaluatedProperties", "property 'x~y' is not allowed"),
        ]);
        other.Errors.Select(e => (e.InstanceLocation, e.KeywordLocation, e.Message)).ShouldBe(
        [
            ("/1", "/items/minimum", "must be >= 1 but is -2"),
            ("/2/a~1b", "/items/properties/a~1b/type", "must be of type string but is boolean"),
            ("/2/z", "/items/unevaluatedProperties", "property 'z' is not allowed"),
        ]);
    }

    [Fact]
    public void Evaluate_ThroughRef_KeywordLocationIncludesRefAndAbsoluteLocationIsTheTarget()
    {
        var schema = Schemas.Compile(Profile, new SchemaOptions { BaseUri = new Uri("https://example.org/profile.json") });

        var error = schema.Evaluate(Schemas.Json("""{"genome_size": 5, "species": "E"}""")).Errors.ShouldHaveSingleItem();

        error.InstanceLocation.ShouldBe("/species");
        error.KeywordLocation.ShouldBe("/properties/species/$ref/minLength");
        error.AbsoluteKeywordLocation.ShouldBe("https://example.org/profile.json#/$defs/name/minLength");
    }

    [Fact]
    public void Evaluate_SeveralProblems_ReportsEveryOne()
    {
        var result = Schemas.Compile(Profile).Evaluate(Schemas.Json("""{"species": 1, "foo": true}"""));

        result.Errors.Select(e => e.Message).ShouldBe(
            ["must be of type string but is integer", "property 'foo' is not allowed", "is missing required property 'genome_size'"],
            ignoreOrder: true);
        result.Errors.Single(e => e.Keyword == "additionalProperties").InstanceLocation.ShouldBe("/foo");
        result.Errors.Single(e => e.Keyword == "required").InstanceLocation.ShouldBe(string.Empty);
    }

    [Fact]
    public void Evaluate_MoreErrorsThanMaxErrors_KeepsMaxErrorsAndSaysItTruncated()
    {
        var schema = Schemas.Compile("""{"items": {"type": "string"}}""");
        var instance = Schemas.Json("[" + string.Join(",", Enumerable.Range(0, 20)) + "]");

        var result = schema.Evaluate(instance, new EvaluationOptions { MaxErrors = 5 });

        result.IsValid.ShouldBeFalse();
        result.Errors.Count.ShouldBe(5);
        result.ErrorsTruncated.ShouldBeTrue();
        result.Errors[4].InstanceLocation.ShouldBe("/4");
    }

    [Fact]
    public void Evaluate_FewerErrorsThanMaxErrors_IsNotTruncated()
    {
        var result = Schemas.Compile("""{"items": {"type": "string"}}""").Evaluate(Schemas.Json("[1, 2]"));

        result.Errors.Count.ShouldBe(2);
        result.ErrorsTruncated.ShouldBeFalse();
    }

    [Fact]
    public void ToBasicOutput_Invalid_HasTheSpecificationShape()
    {
        var output = Schemas.Compile(Profile).Evaluate(Schemas.Json("""{"genome_size": 0}""")).ToBasicOutput();

        output.ToJsonString().ShouldBe(
            """{"valid":false,"errors":[{"valid":false,"keywordLocation":"/properties/genome_size/minimum","absoluteKeywordLocation":"#/properties/genome_size/minimum","instanceLocation":"/genome_size","error":"must be \u003E= 1 but is 0"}]}""");
    }

    [Fact]
    public void ToBasicOutput_Valid_IsOnlyTheFlag()
    {
        var output = Schemas.Compile(Profile).Evaluate(Schemas.Json("""{"genome_size": 3}""")).ToBasicOutput();

        output.ToJsonString().ShouldBe("""{"valid":true}""");
    }

    [Theory]
    [InlineData("""{"genome_size": 3}""", true)]
    [InlineData("""{"genome_size": 0}""", false)]
    public void ToFlagOutput_Instance_CarriesOnlyValidity(string instance, bool valid) =>
        Schemas.Compile(Profile).Evaluate(Schemas.Json(instance)).ToFlagOutput().ToJsonString()
            .ShouldBe(valid ? """{"valid":true}""" : """{"valid":false}""");

    [Fact]
    public void Evaluate_FailedAnyOfBranchThatLaterMatches_LeavesNoBranchErrors()
    {
        var result = Schemas.Compile("""{"anyOf": [{"type": "string"}, {"type": "integer"}]}""").Evaluate(Schemas.Json("3"));

        result.IsValid.ShouldBeTrue();
        result.Errors.ShouldBeEmpty();
    }
}
