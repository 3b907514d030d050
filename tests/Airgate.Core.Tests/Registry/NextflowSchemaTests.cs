using System.Text.Json;
using System.Text.Json.Nodes;
using Airgate.Core.Parameters;
using Airgate.Testing;

namespace Airgate.Core.Registry.Tests;

/// <summary>SPEC 2.2: a pipeline's own nextflow_schema.json (nf-schema 2, draft 2020-12) is a profile's schema, unchanged.</summary>
public sealed class NextflowSchemaTests
{
    private static readonly string FixtureFolder = Path.Combine(RepositoryPaths.Root, "tests", "Airgate.Core.Tests", "Registry", "Nextflow");

    private static string Fixture(string name) => File.ReadAllText(Path.Combine(FixtureFolder, name));

    private static string Profile(string id, string schemaFile) =>
        $$"""{"id": "{{id}}", "name": "{{id}}", "version": "1.0.0", "type": "nextflow", "parameters_schema_file": "{{schemaFile}}"}""";

    private static RegistrySnapshot LoadVariantCall() => Files.Load(
        ("pipelines/variantcall/nextflow_schema.json", Fixture("variantcall_schema.json")),
        ("pipelines/variantcall/variantcall.json", Profile("variantcall-2.0.0", "nextflow_schema.json")));

    [Fact]
    public void Load_SchemaFile_IsUsedByteForByteAndOnlyGroupDefaultsWarn()
    {
        var snapshot = LoadVariantCall();

        var profile = snapshot.ProfilesById["variantcall-2.0.0"];
        profile.Profile.ParametersSchema.GetRawText().ShouldBe(Fixture("variantcall_schema.json").Trim());
        snapshot.Problems.ShouldAllBe(p => p.Severity == ProblemSeverity.Warning && p.File == "pipelines/variantcall/nextflow_schema.json");
        snapshot.Problems.Select(p => p.Pointer).ShouldBe(
            ["/$defs/input_output_options/default", "/$defs/reference_genome_options/default", "/$defs/variant_calling_options/default", "/$defs/max_job_request_options/default"],
            ignoreOrder: true);
    }

    [Fact]
    public void Load_InlineNextflowSchema_LoadsWithWarningsOnly()
    {
        var snapshot = Files.Load(("p.json", Files.Compatible("variantcall-2.0.0", Fixture("variantcall_schema.json"))));

        snapshot.ProfilesById.ContainsKey("variantcall-2.0.0").ShouldBeTrue(string.Join("\n", snapshot.Problems));
        snapshot.Problems.ShouldAllBe(p => p.Severity == ProblemSeverity.Warning && p.Pointer.StartsWith("/parametersSchema/$defs/", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_NfSchemaParameters_FillsDefaultsAndAcceptsGoodValues()
    {
        var profile = LoadVariantCall().ProfilesById["variantcall-2.0.0"];
        var filled = DefaultFiller.Fill(Object("""{"input": "samples.csv", "outdir": "s3://bucket/out", "tools": "haplotypecaller,manta"}"""), profile.ResolvedSchema);

        filled["genome"]?.GetValue<string>().ShouldBe("GATK.GRCh38");
        filled["max_memory"]?.GetValue<string>().ShouldBe("128.GB");
        filled.ContainsKey("input_output_options").ShouldBeFalse();
        profile.Validator.Evaluate(JsonSerializer.SerializeToElement(filled)).IsValid.ShouldBeTrue();
    }

    public static TheoryData<string, string, string, string> Failures => new()
    {
        { """{"input": "my samples.csv", "outdir": "/o"}""", "/input", "pattern", "File name must end in '.csv' and cannot contain spaces" },
        { """{"input": "s.csv", "outdir": "/o", "fasta": "genome.txt"}""", "/fasta", "pattern", "The FASTA file must end in .fa, .fna or .fasta, optionally followed by .gz" },
        { """{"input": "s.csv", "outdir": "/o", "max_memory": "lots"}""", "/max_memory", "pattern", "Memory is a number and a unit, e.g. '8.GB' or '128 GB'" },
        { """{"input": "s.csv", "outdir": "/o", "tools": "manta,"}""", "/tools", "pattern", "Give a comma-separated list of tools with no spaces" },
        { """{"input": "s.csv", "outdir": "/o", "genome": "hg19"}""", "/genome", "enum", "must be one of" },
        { """{"input": "s.csv", "outdir": "/o", "min_base_quality": 94}""", "/min_base_quality", "maximum", "must be <= 93" },
        { """{"input": "s.csv"}""", "/outdir", "required", "outdir" },
    };

    [Theory]
    [MemberData(nameof(Failures))]
    public void Validate_BadParameter_GivesOneErrorAtItsPointerWithTheSchemasMessage(string parameters, string location, string keyword, string message)
    {
        var profile = LoadVariantCall().ProfilesById["variantcall-2.0.0"];
        var request = new TriggerRequest { Form = TriggerRequestForm.Pipelines, Pipelines = [new PipelineRequest(profile, Object(parameters))] };

        var errors = ParameterValidator.Validate(request).Errors;

        var error = errors.ShouldHaveSingleItem();
        error.Pipeline.ShouldBe("variantcall-2.0.0");
        error.Pointer.ShouldBe(location);
        error.Keyword.ShouldBe(keyword);
        error.Message.ShouldContain(message);
        error.Pattern.ShouldBe(keyword == "pattern" ? error.Pattern : null);
    }

    private static RegistrySnapshot LoadSeqfetch() => Files.Load(
        ("seqfetch/nextflow_schema.json", Fixture("nfcore_draft07_schema.json")),
        ("seqfetch/seqfetch.json", Profile("seqfetch-1.12.0", "nextflow_schema.json")));

    private static List<ParameterError> ValidateSeqfetch(string parameters)
    {
        var snapshot = LoadSeqfetch();
        snapshot.ProfilesById.ContainsKey("seqfetch-1.12.0").ShouldBeTrue(string.Join("\n", snapshot.Problems));
        var request = new TriggerRequest { Form = TriggerRequestForm.Pipelines, Pipelines = [new PipelineRequest(snapshot.ProfilesById["seqfetch-1.12.0"], Object(parameters))] };
        return [.. ParameterValidator.Validate(request).Errors];
    }

    [Fact]
    public void Load_Draft07NfCoreSchema_LoadsWithNoErrorAndDefaultNullIsNoProblem()
    {
        var snapshot = LoadSeqfetch();

        snapshot.ProfilesById.ContainsKey("seqfetch-1.12.0").ShouldBeTrue(string.Join("\n", snapshot.Problems));
        snapshot.Problems.ShouldAllBe(p => p.Severity == ProblemSeverity.Warning);
        snapshot.Problems.ShouldNotContain(p => p.Pointer.Contains("report_modules", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_Draft07ValidParameters_PassAndDefaultNullStaysUnset()
    {
        var profile = LoadSeqfetch().ProfilesById["seqfetch-1.12.0"];
        var parameters = Object("""{"input": "ids.csv", "outdir": "s3://bucket/out", "read_lengths": [50, 150], "min_quality": 60}""");

        ValidateSeqfetch(parameters.ToJsonString()).ShouldBeEmpty();
        var filled = DefaultFiller.Fill(parameters, profile.ResolvedSchema);
        filled.ContainsKey("report_modules").ShouldBeFalse();
        filled["download_method"]?.GetValue<string>().ShouldBe("ftp");
    }

    public static TheoryData<string, string, string> Draft07Failures => new()
    {
        { """{"outdir": "/o"}""", "/input", "required" },
        { """{"input": "ids.csv", "outdir": "/o", "read_lengths": [50, 150, 300]}""", "/read_lengths/2", "additionalItems" },
        { """{"input": "ids.csv", "outdir": "/o", "read_lengths": ["50"]}""", "/read_lengths/0", "type" },
        { """{"input": "ids.csv", "outdir": "/o", "min_quality": 94}""", "/min_quality", "maximum" },
        { """{"input": "ids.csv", "outdir": "/o", "batch_method": "harmony"}""", "/batch_key", "dependencies" },
        { """{"input": "ids.csv", "outdir": "/o", "notify_address": "not-an-email"}""", "/notify_address", "format" },
        { """{"input": "ids.csv", "outdir": "/o", "skip_emptydrops": true}""", "/skip_emptydrops", "deprecated" },
    };

    [Theory]
    [MemberData(nameof(Draft07Failures))]
    public void Validate_Draft07BadParameter_IsOneErrorAtItsPointer(string parameters, string location, string keyword)
    {
        var error = ValidateSeqfetch(parameters).ShouldHaveSingleItem();

        error.Pointer.ShouldBe(location);
        error.Keyword.ShouldBe(keyword);
    }

    [Fact]
    public void Validate_DeprecatedParameterSet_NamesTheDeprecationAndItsReason()
    {
        var error = ValidateSeqfetch("""{"input": "ids.csv", "outdir": "/o", "skip_emptydrops": false}""").ShouldHaveSingleItem();

        error.Message.ShouldContain("'skip_emptydrops' is deprecated");
        error.Message.ShouldContain("use '--skip_cellbender' instead");
    }

    [Fact]
    public void Validate_RefSiblingsInDraft07_AreIgnored() =>
        ValidateSeqfetch("""{"input": "ids.csv", "outdir": "/o", "min_quality": 10}""").ShouldBeEmpty();

    [Fact]
    public void Validate_PathFormats_AreNotChecked() =>
        ValidateSeqfetch("""{"input": "no/such/file.csv", "outdir": "not a directory at all"}""").ShouldBeEmpty();

    [Fact]
    public void Validate_ErrorMessageOfTwoFailingKeywords_IsShownOnce()
    {
        var error = ValidateSeqfetch("""{"input": "ids.csv", "outdir": "/o", "umi_separator": "--"}""").ShouldHaveSingleItem();

        error.Pointer.ShouldBe("/umi_separator");
        error.Message.ShouldBe("The UMI separator must be one character: '_' or ':'.");
    }

    public static TheoryData<string, string> StandardFormats => new()
    {
        { "email", "not-an-email" },
        { "uri", "no scheme here" },
        { "date-time", "2026-13-01T00:00:00Z" },
        { "date", "2026-02-30" },
        { "time", "25:00:00Z" },
        { "uuid", "not-a-uuid" },
        { "ipv4", "300.1.1.1" },
    };

    [Theory]
    [MemberData(nameof(StandardFormats))]
    public void Validate_NextflowStandardFormat_IsAsserted(string format, string bad)
    {
        var schema = """{"$schema": "https://json-schema.org/draft/2020-12/schema", "type": "object", "properties": {"value": {"type": "string", "format": """ + JsonSerializer.Serialize(format) + "}}}";
        var snapshot = Files.Load(("nf/nextflow_schema.json", schema), ("nf/p.json", Profile("nf-1.0.0", "nextflow_schema.json")));
        var request = new TriggerRequest { Form = TriggerRequestForm.Pipelines, Pipelines = [new PipelineRequest(snapshot.ProfilesById["nf-1.0.0"], Object($$"""{"value": "{{bad}}"}"""))] };

        var error = ParameterValidator.Validate(request).Errors.ShouldHaveSingleItem();

        error.Pointer.ShouldBe("/value");
        error.Keyword.ShouldBe("format");
    }

    [Fact]
    public void Validate_FormatOnANonNextflowProfile_StaysAnAnnotation()
    {
        var schema = """{"type": "object", "properties": {"value": {"type": "string", "format": "email"}}}""";
        var snapshot = Files.Load(("p.json", $$"""{"id": "plain-1.0.0", "name": "plain", "version": "1.0.0", "parameters_schema": {{schema}}}"""));
        var request = new TriggerRequest { Form = TriggerRequestForm.Pipelines, Pipelines = [new PipelineRequest(snapshot.ProfilesById["plain-1.0.0"], Object("""{"value": "not-an-email"}"""))] };

        ParameterValidator.Validate(request).Errors.ShouldBeEmpty();
    }

    [Fact]
    public void Load_Draft201909Schema_LoadsAndUsesItsOwnRules()
    {
        var schema = """
            {"$schema": "https://json-schema.org/draft/2019-09/schema", "type": "object",
             "$defs": {"io": {"type": "object", "required": ["input"], "properties": {"input": {"type": "string"}, "pair": {"type": "array", "items": [{"type": "string"}], "additionalItems": false}}}},
             "allOf": [{"$ref": "#/$defs/io"}], "unevaluatedProperties": false}
            """;
        var snapshot = Files.Load(("nf/nextflow_schema.json", schema), ("nf/p.json", Profile("nf-2019-1.0.0", "nextflow_schema.json")));
        snapshot.Problems.ShouldBeEmpty();
        var profile = snapshot.ProfilesById["nf-2019-1.0.0"];

        profile.Validator.Evaluate(JsonSerializer.SerializeToElement(Object("""{"input": "a", "pair": ["x"]}"""))).IsValid.ShouldBeTrue();
        profile.Validator.Evaluate(JsonSerializer.SerializeToElement(Object("""{"input": "a", "pair": ["x", "y"]}"""))).IsValid.ShouldBeFalse();
        profile.Validator.Evaluate(JsonSerializer.SerializeToElement(Object("""{"input": "a", "extra": 1}"""))).IsValid.ShouldBeFalse();
    }

    [Theory]
    [InlineData("http://json-schema.org/draft-04/schema#", "draft-04")]
    [InlineData("http://json-schema.org/draft-06/schema#", "draft-06")]
    public void Load_Draft04Or06Schema_IsOneClearError(string dialect, string name)
    {
        var schema = """{"$schema": """ + JsonSerializer.Serialize(dialect) + """, "type": "object", "definitions": {}, "properties": {"input": {"type": "string"}}}""";
        var snapshot = Files.Load(("legacy/nextflow_schema.json", schema), ("legacy/legacy.json", Profile("legacy-1.0.0", "nextflow_schema.json")));

        var problem = snapshot.Problems.ShouldHaveSingleItem();
        problem.File.ShouldBe("legacy/nextflow_schema.json");
        problem.Pointer.ShouldBe("/$schema");
        problem.Severity.ShouldBe(ProblemSeverity.Error);
        problem.Message.ShouldContain(name);
        problem.Message.ShouldContain("draft-07");
        snapshot.Profiles.ShouldBeEmpty();
    }

    [Fact]
    public void Load_InvalidDraft07Schema_IsCheckedAgainstTheDraft07MetaSchema()
    {
        var schema = """{"$schema": "http://json-schema.org/draft-07/schema", "type": "object", "definitions": {"a": {"type": "strin"}}, "allOf": [{"$ref": "#/definitions/a"}]}""";
        var snapshot = Files.Load(("legacy/nextflow_schema.json", schema), ("legacy/legacy.json", Profile("legacy-1.0.0", "nextflow_schema.json")));

        snapshot.Problems.ShouldContain(p => p.Severity == ProblemSeverity.Error && p.Message.StartsWith("Not a valid draft-07 schema", StringComparison.Ordinal));
        snapshot.Profiles.ShouldBeEmpty();
    }

    public static TheoryData<string, string, string> BadReferences => new()
    {
        { "missing.json", "/parameters_schema_file", "does not exist" },
        { "../outside.json", "/parameters_schema_file", "inside the registry directory" },
        { "/etc/passwd", "/parameters_schema_file", "inside the registry directory" },
        { "broken.json", "/parameters_schema_file", "not valid JSON" },
    };

    [Theory]
    [MemberData(nameof(BadReferences))]
    public void Load_BadSchemaFile_IsAProblemOnTheProfile(string reference, string location, string message)
    {
        var snapshot = Files.Load(("p.json", Profile("p", reference)), ("broken.json", "{"));

        snapshot.Problems.ShouldContain(p => p.File == "p.json" && p.Pointer == location && p.Message.Contains(message, StringComparison.Ordinal), string.Join("\n", snapshot.Problems));
        snapshot.Profiles.ShouldBeEmpty();
    }

    [Fact]
    public void Load_InlineSchemaAndSchemaFile_IsAProblem()
    {
        var snapshot = Files.Load(
            ("s.json", """{"type": "object"}"""),
            ("p.json", """{"id": "p", "name": "p", "version": "1", "parameters_schema": {}, "parameters_schema_file": "s.json"}"""));

        snapshot.Problems.ShouldContain(p => p.File == "p.json" && p.Message.Contains("keep one", StringComparison.Ordinal));
    }

    [Fact]
    public void Load_UnreferencedSchemaFile_IsStillReported()
    {
        var snapshot = Files.Load(("nextflow_schema.json", Fixture("variantcall_schema.json")));

        snapshot.Problems.ShouldHaveSingleItem().Message.ShouldContain("Neither a pipeline profile");
    }

    [Fact]
    public void Load_SchemaFileInParentFolder_IsFound()
    {
        var snapshot = Files.Load(
            ("schemas/vc.json", Fixture("variantcall_schema.json")),
            ("profiles/vc/p.json", Profile("vc", "../../schemas/vc.json")));

        snapshot.ProfilesById.ContainsKey("vc").ShouldBeTrue(string.Join("\n", snapshot.Problems));
    }

    private static JsonObject Object(string json) => JsonNode.Parse(json)?.AsObject() ?? throw new ArgumentException("not an object", nameof(json));
}
