using System.Text.Json;
using System.Text.RegularExpressions;

namespace Airgate.JsonSchema.Tests.Regexes;

public class AnchoredLookaroundTests
{
    // One tick: a pattern that still ran on the backtracking engine would come back undetermined.
    private static readonly SchemaOptions NoTime = new() { RegexTimeout = TimeSpan.FromTicks(1) };

    public static TheoryData<string, string, bool> Verdicts => new()
    {
        { NfCorePatterns.Tools, "", true },
        { NfCorePatterns.Tools, "cnvkit", true },
        { NfCorePatterns.Tools, "cnvkit,deepvariant,vep", true },
        { NfCorePatterns.Tools, ",cnvkit", true },
        { NfCorePatterns.Tools, "cnvkit,", false },
        { NfCorePatterns.Tools, "cnvkit,,", false },
        { NfCorePatterns.Tools, "cnvkit;vep", false },
        { NfCorePatterns.Tools, string.Concat(Enumerable.Repeat("cnvkit,", 3000)) + "x", false },
        { NfCorePatterns.EmitMode, "variant", true },
        { NfCorePatterns.EmitMode, "variant,gvcf", true },
        { NfCorePatterns.EmitMode, "variant,", false },
        { NfCorePatterns.EmitMode, "snv", false },
        { NfCorePatterns.NotAnS3Url, "genome.fa.gz", true },
        { NfCorePatterns.NotAnS3Url, "s3://bucket/genome.fa", false },
        { NfCorePatterns.NotAnS3Url, "gs://bucket/genome.fasta", true },
        { NfCorePatterns.NotBlank, "results", true },
        { NfCorePatterns.NotBlank, "  \t", false },
        { NfCorePatterns.NotBlank, "", false },
        { "^(?=.*[A-Z])(?=.*[0-9])[A-Za-z0-9]{8,}$", "Passw0rdX", true },
        { "^(?=.*[A-Z])(?=.*[0-9])[A-Za-z0-9]{8,}$", "password1", false },
        { "^[a-z_]+(?<=_ok)$", "run_ok", true },
        { "^[a-z_]+(?<=_ok)$", "run_no", false },
        { "^(?!,)((a|b)?,?)*(?<!,)$", ",a", false },
        { "^(?!,)((a|b)?,?)*(?<!,)$", "a,b", true },
        { "^(?=!x)!x$", "!x", true },
        { "^(?!(a|b)(?:c))\\w+$", "ac", false },
        { "^(?!(a|b)(?:c))\\w+$", "ad", true },
    };

    [Theory]
    [MemberData(nameof(Verdicts))]
    public void Pattern_LookaroundAtAFixedPosition_IsDecidedWithoutTheClock(string pattern, string value, bool expected)
    {
        var schema = Schemas.Compile(JsonSerializer.Serialize(new Dictionary<string, string> { ["pattern"] = pattern }), NoTime);
        var instance = JsonSerializer.SerializeToElement(value);

        var result = schema.Evaluate(instance);

        result.Undetermined.ShouldBeFalse();
        result.IsValid.ShouldBe(expected);
        schema.IsValid(instance).ShouldBe(expected);
    }

    [Theory]
    [InlineData(NfCorePatterns.Tools, "acdefgilmnoprstuvbhkw,")]
    [InlineData(NfCorePatterns.EmitMode, "variantgcf,")]
    [InlineData(NfCorePatterns.NotAnS3Url, "s3:/fatg.z")]
    [InlineData(NfCorePatterns.NotBlank, " \tab")]
    [InlineData("^(?=ab)(?!abc)[abc]*(?<=b)(?<!cb)$", "abc")]
    public void Pattern_LookaroundAtAFixedPosition_AgreesWithTheBacktrackingEngine(string pattern, string alphabet)
    {
        // .NET's backtracking engine has the same lookaround semantics; "$" is ECMA-262's end of input.
        var reference = new Regex(pattern.Replace("$", "\\z", StringComparison.Ordinal), RegexOptions.CultureInvariant);
        var schema = Schemas.Compile(JsonSerializer.Serialize(new Dictionary<string, string> { ["pattern"] = pattern }), NoTime);
        var random = new Random(17);
        for (var i = 0; i < 2000; i++)
        {
            var value = new string([.. Enumerable.Range(0, random.Next(0, 16)).Select(_ => alphabet[random.Next(alphabet.Length)])]);

            schema.IsValid(JsonSerializer.SerializeToElement(value)).ShouldBe(reference.IsMatch(value), $"'{value}'");
        }
    }

    [Fact]
    public void Evaluate_BacktrackingPatternOutOfTime_IsUndeterminedNotRejected()
    {
        // Unanchored, the lookahead can sit anywhere: only the backtracking engine runs this one.
        var schema = Schemas.Compile("""{"pattern": "(?=a)(a|aa)+$"}""", new SchemaOptions { RegexTimeout = TimeSpan.FromMilliseconds(20) });
        var instance = Schemas.Json("\"" + new string('a', 5000) + "!\"");

        var result = schema.Evaluate(instance);

        result.Undetermined.ShouldBeTrue();
        result.IsValid.ShouldBeFalse();
        result.Errors.ShouldHaveSingleItem().Message.ShouldContain("could not be checked");
        schema.IsValid(instance).ShouldBeFalse();
    }

    [Fact]
    public void Evaluate_RetryWithALargerBudget_DecidesWhatTheFirstBudgetCouldNot()
    {
        var schema = Schemas.Compile("""{"pattern": "(?=a)a*b?$"}""", NoTime);
        var instance = Schemas.Json("\"" + new string('a', 200_000) + "\"");

        var first = schema.Evaluate(instance);
        var retry = schema.Evaluate(instance, new EvaluationOptions { RegexTimeout = TimeSpan.FromMinutes(1) });

        first.Undetermined.ShouldBeTrue();
        retry.Undetermined.ShouldBeFalse();
        retry.IsValid.ShouldBeTrue();
    }

    [Fact]
    public void Evaluate_TimedOutPatternProperty_IsUndeterminedEvenWhereAdditionalPropertiesWouldAllowIt()
    {
        var schema = Schemas.Compile(
            """{"patternProperties": {"(?=a)(a|aa)+$": {"type": "integer"}}, "additionalProperties": true}""",
            new SchemaOptions { RegexTimeout = TimeSpan.FromMilliseconds(20) });
        var instance = Schemas.Json("{\"" + new string('a', 5000) + "!\": 1}");

        var result = schema.Evaluate(instance);

        result.Undetermined.ShouldBeTrue();
        result.IsValid.ShouldBeFalse();
    }
}
