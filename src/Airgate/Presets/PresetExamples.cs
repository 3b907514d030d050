using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Airgate.Presets;

/// <summary>Realistic examples for the presets operations in the OpenAPI document (a Bactopia screen a lab reuses).</summary>
internal static class PresetExamples
{
    private const string Values = """
        {"pipelines": {"bactopia-kraken2-3.2.0": {"outdir": "/results/weekly-screen", "kraken2_db": "/db/k2_standard_08gb", "max_cpus": 8,
         "samples": [{"sample": "isolate-1", "r1": "/data/isolate-1_R1.fastq.gz"}]}}}
        """;

    private const string Saved = """
        {"name": "Weekly screen", "dag_id": "bactopia_species_screen",
         "pipelines": {"bactopia-kraken2-3.2.0": {"outdir": "/results/weekly-screen", "kraken2_db": "/db/k2_standard_08gb", "max_cpus": 8,
         "samples": [{"sample": "isolate-1", "r1": "/data/isolate-1_R1.fastq.gz"}]}},
         "params": null, "created_at": "2026-12-01T09:30:00+00:00", "updated_at": "2026-12-07T08:12:44+00:00"}
        """;

    private static readonly string[] AnswerStatuses = ["200", "201"];

    public static RouteHandlerBuilder WithPresetExamples(this RouteHandlerBuilder builder, bool request, bool list) =>
        builder.AddOpenApiOperationTransformer((operation, _, _) =>
        {
            if (request && operation.RequestBody?.Content?.TryGetValue("application/json", out var body) == true)
            {
                body.Example = JsonNode.Parse(Values);
            }

            foreach (var status in AnswerStatuses)
            {
                if (operation.Responses?.TryGetValue(status, out var response) == true
                    && response.Content?.TryGetValue("application/json", out var answer) == true)
                {
                    var one = JsonNode.Parse(Saved);
                    answer.Example = list ? new JsonObject { ["presets"] = new JsonArray(one) } : one;
                }
            }

            return Task.CompletedTask;
        });
}
