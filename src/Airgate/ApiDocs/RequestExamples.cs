using System.Text.Json.Nodes;

namespace Airgate.ApiDocs;

/// <summary>
/// Realistic request bodies per operation id, on the example registry (<c>airgate dev</c> accepts each as it is; a test
/// sends every trigger and rerun example with <c>dry_run=true</c>).
/// </summary>
internal static class RequestExamples
{
    public sealed record Example(string Summary, string Description, string Json);

    private const string Samples =
        """[{"sample": "SRR2838702", "r1": "/data/reads/SRR2838702_R1.fastq.gz", "r2": "/data/reads/SRR2838702_R2.fastq.gz"}]""";

    public static readonly IReadOnlyDictionary<string, IReadOnlyDictionary<string, Example>> ById =
        new Dictionary<string, IReadOnlyDictionary<string, Example>>(StringComparer.Ordinal)
        {
            ["TriggerRun"] = new Dictionary<string, Example>
            {
                ["pipelines"] = new(
                    "Native form: parameters per pipeline",
                    "Workflow bactopia_species_screen: the Kraken2 profile's parameters, keyed by profile id (name@version works too).",
                    $$$"""{"pipelines": {"bactopia-kraken2-3.2.0": {"samples": {{{Samples}}}, "outdir": "/results/screen-2026-12", "kraken2_db": "/db/k2_standard_08gb"}}, "note": "December species screen", "logical_date": null}"""),
                ["pipelineConfigs"] = new(
                    "Compatible form: pipelineConfigs",
                    "The same trigger in the conf's own shape: the parameters under the profile's options field (here nextflowOptions).",
                    $$$"""{"pipelineConfigs": [{"pipelineId": "bactopia-kraken2-3.2.0", "nextflowOptions": {"samples": {{{Samples}}}, "outdir": "/results/screen-2026-12", "kraken2_db": "/db/k2_standard_08gb"}}]}"""),
                ["params"] = new(
                    "Airflow Params: a workflow without a manifest",
                    "Workflow reference_download, whose DAG declares Params: their values, validated against the Params' schemas.",
                    """{"params": {"accession": "GCF_000005845.2", "mirror": "ena"}, "note": "E. coli K-12 reference"}"""),
            },
            ["RerunRun"] = new Dictionary<string, Example>
            {
                ["correction"] = new(
                    "Correct one parameter",
                    "A JSON merge patch over the old run's parameters of one pipeline: only kraken2_db changes, everything else is as before.",
                    """{"pipelines": {"bactopia-kraken2-3.2.0": {"kraken2_db": "/db/k2_standard_16gb"}}, "note": "rerun with the 16 GB database"}"""),
                ["remove"] = new(
                    "Remove a value",
                    "null removes a parameter from the old run's values, so the profile's default applies again.",
                    """{"pipelines": {"bactopia-kraken2-3.2.0": {"min_confidence": null}}}"""),
                ["same"] = new("Same parameters", "An empty body starts the run again with exactly the old run's parameters.", "{}"),
            },
            ["StopRun"] = new Dictionary<string, Example>
            {
                ["stop"] = new("Stop a run", "The run's state becomes failed; the note is stored on the Airflow run.", """{"state": "failed", "note": "Stopped: wrong Kraken2 database"}"""),
                ["finish"] = new("Finish a run", "The run's state becomes success, e.g. after its results were checked by hand.", """{"state": "success", "note": "Results checked by hand"}"""),
            },
            ["ClearRun"] = new Dictionary<string, Example>
            {
                ["failed"] = new("Failed task instances again", "Only failed and upstream_failed task instances run again (also what an empty body does).", """{"only_failed": true}"""),
                ["all"] = new("Every task instance again", "Every task instance of the finished run runs again.", """{"only_failed": false}"""),
            },
            ["SavePreset"] = new Dictionary<string, Example>
            {
                ["pipelines"] = new("A preset of a manifest's pipelines", "The form's values per pipeline id, saved under the name in the path; validated when a run is started from it.", """{"pipelines": {"bactopia-kraken2-3.2.0": {"kraken2_db": "/db/k2_standard_08gb", "outdir": "s3://cape-results/weekly", "max_cpus": 8}}}"""),
                ["params"] = new("A preset of a DAG's Params", "For a workflow whose parameters are its Airflow Params.", """{"params": {"accession": "PRJNA123456"}}"""),
            },
        };

    public static JsonNode? Value(Example example) => JsonNode.Parse(example.Json);
}
