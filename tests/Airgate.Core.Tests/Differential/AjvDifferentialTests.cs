using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using Airgate.Core.Parameters;
using Airgate.Core.Profiles;
using Airgate.Core.Registry;
using Airgate.JsonSchema;
using Airgate.Testing;
using Xunit.Abstractions;

namespace Airgate.Core.Differential.Tests;

/// <summary>
/// Airgate's verdicts against ajv 8 (<c>Ajv2020</c> + ajv-formats; ajv's default draft-07 <c>Ajv</c> for the draft-07
/// fixture) on generated parameter objects for every example profile and the nf-core-style fixtures: each disagreement must fall in a checked-in class with its reason
/// (<c>known-disagreements.json</c>). CI installs ajv and sets <c>AIRGATE_TEST_AJV</c> to its node_modules folder;
/// without it the check is reported as skipped.
/// </summary>
public sealed class AjvDifferentialTests(ITestOutputHelper output)
{
    private const int InstancesPerSchema = 1200;
    private static readonly string? AjvModules = Environment.GetEnvironmentVariable("AIRGATE_TEST_AJV");
    private static readonly string Folder = Path.Combine(RepositoryPaths.Root, "tests", "Airgate.Core.Tests", "Differential");

    [AjvFact]
    public async Task Verdicts_AgainstAjv_DisagreeOnlyInKnownClasses()
    {
        var seeds = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(Folder, "seeds.json")))?.AsObject() ?? throw new InvalidDataException("seeds.json");
        var known = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(Folder, "known-disagreements.json")))?["classes"]?.AsObject() ?? throw new InvalidDataException("known-disagreements.json");
        var profiles = Profiles();
        var work = Directory.CreateTempSubdirectory("airgate-differential-");
        try
        {
            var generated = new Dictionary<string, List<string>>(StringComparer.Ordinal);
            foreach (var (id, seed) in seeds.Where(s => !s.Key.StartsWith('_')))
            {
                var profile = profiles[id];
                var valid = DefaultFiller.Fill(seed?.AsObject() ?? [], profile.ResolvedSchema);
                profile.Validator.IsValid(JsonSerializer.SerializeToElement(valid)).ShouldBeTrue($"the seed of {id} must be valid");
                var instances = InstanceGenerator.Generate(valid, profile.ResolvedSchema, InstancesPerSchema, seed: StableSeed(id));
                generated[id] = instances;
                await File.WriteAllTextAsync(Path.Combine(work.FullName, id + ".schema.json"), profile.ResolvedSchema.GetRawText());
                await File.WriteAllLinesAsync(Path.Combine(work.FullName, id + ".instances.jsonl"), instances);
            }

            await RunAjvAsync(work.FullName);

            var unknown = new List<string>();
            foreach (var (id, instances) in generated)
            {
                var options = new SchemaOptions { BaseUri = new Uri($"https://airgate.invalid/pipelines/{id}/parameters.json"), AssertFormat = true };
                var validator = CompiledSchema.Compile(profiles[id].ResolvedSchema, options);
                var siblingsApplied = WithRefSiblingsApplied(profiles[id].ResolvedSchema, options);
                var ajv = await File.ReadAllLinesAsync(Path.Combine(work.FullName, id + ".ajv.txt"));
                ajv.Length.ShouldBe(instances.Count);
                var counts = new SortedDictionary<string, int>(StringComparer.Ordinal);
                var invalid = 0;
                for (var i = 0; i < instances.Count; i++)
                {
                    using var document = JsonDocument.Parse(instances[i]);
                    var ours = validator.IsValid(document.RootElement);
                    invalid += ours ? 0 : 1;
                    if (ours != (ajv[i] == "1"))
                    {
                        var kind = Classify(document.RootElement);
                        if (kind == "unclassified" && siblingsApplied?.IsValid(document.RootElement) == (ajv[i] == "1"))
                        {
                            kind = "draft07-ref-siblings";
                        }

                        counts[kind] = counts.GetValueOrDefault(kind) + 1;
                        if (!known.ContainsKey(kind))
                        {
                            unknown.Add($"{id}: Airgate {(ours ? "valid" : "invalid")}, ajv {(ours ? "invalid" : "valid")}: {instances[i]}");
                        }
                    }
                }

                output.WriteLine($"[differential] {id}: {instances.Count} instances, {instances.Count - invalid} valid / {invalid} invalid for Airgate, "
                    + $"{counts.Values.Sum()} disagreement(s){string.Concat(counts.Select(c => $", {c.Key}: {c.Value}"))}");
            }

            unknown.ShouldBeEmpty(string.Join("\n", unknown.Take(20)));
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    // string.GetHashCode is randomised per process; the instances must be the same in every run so a CI verdict repeats.
    private static int StableSeed(string id) => id.Aggregate(17, (hash, c) => unchecked((hash * 31) + c)) & 0x7fff_ffff;

    /// <summary>Every profile the seeds name: the example registry plus the nf-core-style fixtures (2020-12 and draft-07).</summary>
    private static Dictionary<string, ResolvedProfile> Profiles()
    {
        var examples = RegistryLoader.Load(Path.Combine(RepositoryPaths.Root, "examples", "registry"));
        var nextflow = Path.Combine(RepositoryPaths.Root, "tests", "Airgate.Core.Tests", "Registry", "Nextflow");
        var fixture = RegistryLoader.Load([
            new("nextflow_schema.json", File.ReadAllText(Path.Combine(nextflow, "variantcall_schema.json"))),
            new("variantcall.json", """{"id": "variantcall-2.0.0", "name": "variantcall", "version": "2.0.0", "parameters_schema_file": "nextflow_schema.json"}"""),
            new("seqfetch/nextflow_schema.json", File.ReadAllText(Path.Combine(nextflow, "nfcore_draft07_schema.json"))),
            new("seqfetch/seqfetch.json", """{"id": "seqfetch-1.12.0", "name": "seqfetch", "version": "1.12.0", "type": "nextflow", "parameters_schema_file": "nextflow_schema.json"}"""),
        ]);
        return examples.Profiles.Concat(fixture.Profiles).ToDictionary(p => p.Id, StringComparer.Ordinal);
    }

    /// <summary>For a draft-07 schema, the same schema evaluated as 2019-09 (the same keywords, but $ref applied beside its siblings, as ajv 8 does); null otherwise.</summary>
    private static CompiledSchema? WithRefSiblingsApplied(JsonElement schema, SchemaOptions options)
    {
        if (!schema.TryGetProperty("$schema", out var dialect) || dialect.GetString()?.TrimEnd('#') != "http://json-schema.org/draft-07/schema")
        {
            return null;
        }

        var copy = JsonNode.Parse(schema.GetRawText())?.AsObject() ?? throw new InvalidDataException("schema");
        copy["$schema"] = "https://json-schema.org/draft/2019-09/schema";
        return CompiledSchema.Compile(JsonSerializer.SerializeToElement(copy), options);
    }

    private static async Task RunAjvAsync(string directory)
    {
        var start = new ProcessStartInfo("node") { RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(Folder, "ajv-verdicts.js"));
        start.ArgumentList.Add(directory);
        start.Environment["NODE_PATH"] = AjvModules;
        using var process = Process.Start(start) ?? throw new InvalidOperationException("node did not start");
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        process.ExitCode.ShouldBe(0, error);
    }

    /// <summary>The known class a disagreement belongs to, read from the instance; "unclassified" when none fits.</summary>
    private static string Classify(JsonElement instance)
    {
        var beyondDouble = false;
        var astral = false;
        Visit(instance);
        return beyondDouble ? "number-beyond-double" : astral ? "astral-dot-pattern" : "unclassified";

        void Visit(JsonElement value)
        {
            switch (value.ValueKind)
            {
                case JsonValueKind.Object:
                    foreach (var property in value.EnumerateObject())
                    {
                        astral |= HasAstral(property.Name);
                        Visit(property.Value);
                    }

                    break;
                case JsonValueKind.Array:
                    foreach (var item in value.EnumerateArray())
                    {
                        Visit(item);
                    }

                    break;
                case JsonValueKind.Number:
                    beyondDouble |= BeyondDouble(value.GetRawText());
                    break;
                case JsonValueKind.String:
                    astral |= HasAstral(value.GetString() ?? string.Empty);
                    break;
            }
        }
    }

    private static bool HasAstral(string text) => text.Any(char.IsHighSurrogate);

    /// <summary>True when a double cannot hold the number exactly enough to compare it the way JSON Schema does.</summary>
    private static bool BeyondDouble(string raw)
    {
        var mantissa = raw.Split('e', 'E')[0].TrimStart('-').Replace(".", string.Empty, StringComparison.Ordinal).Trim('0');
        var exponent = raw.Contains('e', StringComparison.OrdinalIgnoreCase) ? int.Parse(raw.Split('e', 'E')[1], System.Globalization.CultureInfo.InvariantCulture) : 0;
        return mantissa.Length > 15 || Math.Abs(exponent) > 300;
    }

    private sealed class AjvFactAttribute : FactAttribute
    {
        public AjvFactAttribute()
        {
            if (string.IsNullOrEmpty(AjvModules))
            {
                Skip = "AIRGATE_TEST_AJV is not set (CI installs ajv and ajv-formats in .ci/tools and sets it to their node_modules).";
            }
        }
    }
}
