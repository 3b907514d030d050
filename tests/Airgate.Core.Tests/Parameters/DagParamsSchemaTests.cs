namespace Airgate.Core.Parameters.Tests;

public sealed class DagParamsSchemaTests
{
    private const string AirflowParams = """
        {
          "source": {"__class": "airflow.sdk.definitions.param.Param", "value": "ncbi", "description": "Where to download from", "schema": {"type": "string", "enum": ["ncbi", "ena"]}},
          "accession": {"__class": "airflow.sdk.definitions.param.Param", "value": null, "description": null, "schema": {"type": "string", "pattern": "^GC[AF]_[0-9]+\\.[0-9]+$"}},
          "retries": {"__class": "airflow.sdk.definitions.param.Param", "value": 2, "schema": {"type": "integer", "minimum": 0}},
          "comment": {"__class": "airflow.sdk.definitions.param.Param", "value": null, "schema": {"type": ["null", "string"]}},
          "anything": {"__class": "airflow.sdk.definitions.param.Param", "value": null, "schema": {}},
          "plain": {"__class": "airflow.sdk.definitions.param.Param", "value": 5, "schema": {}, "source": "task"}
        }
        """;

    private static DagParamsSchema Build() => DagParamsSchema.Build(Fixtures.Element(AirflowParams));

    public static TheoryData<string, bool> RequiredRule => new()
    {
        { "source", false },
        { "accession", true },
        { "retries", false },
        { "comment", false },
        { "anything", false },
        { "plain", false },
    };

    [Theory]
    [MemberData(nameof(RequiredRule))]
    public void Build_Param_IsRequiredOnlyWithoutDefaultAndWhenNullIsRejected(string name, bool required)
    {
        var requiredNames = Build().Schema.TryGetProperty("required", out var list) ? list.EnumerateArray().Select(e => e.GetString()).ToList() : [];

        requiredNames.Contains(name).ShouldBe(required);
    }

    [Fact]
    public void Build_ValueAndDescription_BecomeDefaultAndDescription()
    {
        var source = Build().Schema.GetProperty("properties").GetProperty("source");

        source.GetProperty("default").GetString().ShouldBe("ncbi");
        source.GetProperty("description").GetString().ShouldBe("Where to download from");
        source.GetProperty("enum").GetArrayLength().ShouldBe(2);
    }

    [Fact]
    public void ValidateDagParams_SeveralBadParams_ReturnsEveryError()
    {
        var result = ParameterValidator.ValidateDagParams(Fixtures.Object("""{"source": "s3", "retries": -1}"""), Build());

        result.Errors.Select(e => (e.Pipeline, e.Pointer, e.Keyword)).ShouldBe(
            [(null, "/params/source", "enum"), (null, "/params/retries", "minimum"), (null, "/params/accession", "required")],
            ignoreOrder: true);
    }

    [Fact]
    public void ValidateDagParams_GoodParams_FillsDefaults()
    {
        var result = ParameterValidator.ValidateDagParams(Fixtures.Object("""{"accession": "GCF_000005845.2", "extra": 1}"""), Build());

        result.Errors.ShouldBeEmpty();
        result.DagParams?["source"]?.GetValue<string>().ShouldBe("ncbi");
        result.DagParams?["retries"]?.GetValue<int>().ShouldBe(2);
        result.DagParams?["extra"]?.GetValue<int>().ShouldBe(1);
    }

    [Fact]
    public void Build_UncompilableParamSchema_IsListedAndNotChecked()
    {
        var schema = DagParamsSchema.Build(Fixtures.Element("""{"x": {"value": null, "schema": {"$ref": "#/nowhere"}}}"""));

        schema.Problems.ShouldHaveSingleItem().ShouldContain("'x'");
        ParameterValidator.ValidateDagParams(Fixtures.Object("""{"x": 1}"""), schema).Errors.ShouldBeEmpty();
    }
}
