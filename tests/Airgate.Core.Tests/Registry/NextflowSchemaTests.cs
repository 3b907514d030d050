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

    [Fact]
    public void Load_Draft07Schema_IsOneClearError()
    {
        var snapshot = Files.Load(
            ("legacy/nextflow_schema.json", Fixture("legacy_draft07_schema.json")),
            ("legacy/legacy.json", Profile("legacy-1.0.0", "nextflow_schema.json")));

        var problem = snapshot.Problems.ShouldHaveSingleItem();
        problem.File.ShouldBe("legacy/nextflow_schema.json");
        problem.Pointer.ShouldBe("/$schema");
        problem.Severity.ShouldBe(ProblemSeverity.Error);
        problem.Message.ShouldContain("draft-07");
        problem.Message.ShouldContain("2020-12");
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
