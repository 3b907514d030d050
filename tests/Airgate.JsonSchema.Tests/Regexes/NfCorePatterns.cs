namespace Airgate.JsonSchema.Tests.Regexes;

/// <summary>
/// Patterns in the shapes nf-core writes (comma-separated tool lists closed by <c>(?&lt;!,)$</c>, a negative lookahead
/// right after <c>^</c>), written for these tests after the published nf-core schema conventions.
/// </summary>
internal static class NfCorePatterns
{
    public const string Tools = "^((ascat|bcftools|cnvkit|controlfreec|deepvariant|freebayes|haplotypecaller|manta|mpileup|mutect2|strelka|tiddit|vep)?,?)*(?<!,)$";

    public const string EmitMode = "^(variant|gvcf)(,(variant|gvcf))*(?<!,)$";

    public const string SkipTools = "^((baserecalibrator|bcftools|dnascope_filter|fastqc|markduplicates|multiqc|samtools)?,?)*(?<!,)$";

    public const string NotAnS3Url = "^(?!s3://)\\S+\\.(fa|fasta)(\\.gz)?$";

    public const string NotBlank = "^(?!\\s*$).+";

    /// <summary>Five tools, one nf-core parameter each, as a sarek-like profile writes them.</summary>
    public const string Schema = $$"""
        {
          "$schema": "https://json-schema.org/draft/2020-12/schema",
          "type": "object",
          "properties": {
            "tools": {"type": "string", "pattern": "{{Tools}}"},
            "sentieon_dnascope_emit_mode": {"type": "string", "default": "variant", "pattern": "{{EmitMode}}"},
            "skip_tools": {"type": "string", "pattern": "{{SkipTools}}"},
            "fasta": {"type": "string", "pattern": "^(?!s3://)\\S+\\.(fa|fasta)(\\.gz)?$"},
            "outdir": {"type": "string", "pattern": "^(?!\\s*$).+"}
          }
        }
        """;
}
