using System.Text.Json;
using System.Text.Json.Nodes;
using Airgate.Core.Profiles;
using Airgate.JsonSchema;

namespace Airgate.Core.Registry;

/// <summary>The checks a profile's schema must pass: its draft's meta-schema (2020-12, 2019-09 or draft-07), compilation, and self-consistent <c>default</c>/<c>const</c> values.</summary>
internal static class SchemaChecks
{
    /// <summary>
    /// The budget of one backtracking pattern match when a default/const missed the request-time one: loading is rare and
    /// its verdict lasts, so it may wait for a busy machine, and a timeout is never a reason to leave a profile out.
    /// </summary>
    public static readonly TimeSpan RetryRegexTimeout = TimeSpan.FromSeconds(5);

    private static readonly EvaluationOptions Retry = new() { RegexTimeout = RetryRegexTimeout };

    /// <summary>Adds a problem for each meta-schema error in the profile's own schema; true when there was none.</summary>
    public static bool MeetsMetaSchema(ProfileFile file, List<RegistryProblem> problems)
    {
        if (UnsupportedDraft(file.Profile.ParametersSchema) is { } draft)
        {
            problems.Add(new RegistryProblem(
                file.SchemaFileName,
                file.SchemaPointer + "/$schema",
                $"The schema declares {draft} (\"$schema\": \"{file.Profile.ParametersSchema.GetProperty("$schema").GetString()}\"), which Airgate does not validate: it validates draft 2020-12, 2019-09 and draft-07 schemas, each by its own rules. Migrate the schema to draft 2020-12 (e.g. `nf-core pipelines schema build`) or declare \"$schema\": \"http://json-schema.org/draft-07/schema\" if it already follows draft-07."));
            return false;
        }

        var result = MetaSchemas.Validate(file.Profile.ParametersSchema);
        var name = DraftName(file.Profile.ParametersSchema);
        foreach (var error in result.Errors)
        {
            problems.Add(new RegistryProblem(file.SchemaFileName, file.SchemaPointer + error.InstanceLocation, $"Not a valid {name} schema: {error.Message}"));
        }

        return result.IsValid;
    }

    public static CompiledSchema? Compile(ProfileFile file, JsonElement resolved, List<RegistryProblem> problems)
    {
        try
        {
            // Nextflow profiles: nf-schema asserts the standard formats at launch, so Airgate does before Airflow sees
            // the value; its own path formats (file-path, ...) are unknown formats here and stay annotations.
            var nextflow = string.Equals(file.Profile.Type, "nextflow", StringComparison.OrdinalIgnoreCase);
            return CompiledSchema.Compile(resolved, new SchemaOptions { BaseUri = DocumentUri(file.Profile.Id), CustomErrorMessages = true, AssertFormat = nextflow });
        }
        catch (InvalidSchemaException exception)
        {
            problems.Add(new RegistryProblem(file.SchemaFileName, file.SchemaPointer + exception.SchemaLocation, $"The schema (inheritance applied) cannot be compiled: {exception.Message}"));
            return null;
        }
    }

    /// <summary>
    /// Checks every <c>default</c> and <c>const</c> in the profile's own schema against the subschema that holds it,
    /// evaluated inside the resolved document so its <c>$ref</c>s into inherited <c>$defs</c> work. A failing value that
    /// would be filled into parameters is an error; one on a schema that never describes a parameter value (an
    /// <c>allOf</c>-joined group, as every nf-core schema has) is a warning. True when there was no error.
    /// </summary>
    public static bool DefaultsAndConstsHold(ProfileFile file, JsonElement resolved, List<RegistryProblem> problems, bool reportCompileFailures)
    {
        var errors = 0;
        var own = JsonNode.Parse(file.Profile.ParametersSchema.GetRawText());
        // The own schema sits at the root of the resolved one (parents only add $defs), so its pointers hold there too.
        var valueSchemas = ValueSchemas.Find(JsonNode.Parse(resolved.GetRawText()));
        SchemaRegistry? registry = null;
        foreach (var (pointer, schema) in SchemaWalker.ObjectSchemas(own))
        {
            var values = new List<(string Keyword, JsonNode? Value)>();
            foreach (var keyword in (string[])["default", "const"])
            {
                // "default": null means "not set" (nf-schema, nextflow.config): nothing is filled in, so nothing to check.
                if (schema.TryGetPropertyValue(keyword, out var value) && !(keyword == "default" && value is null))
                {
                    values.Add((keyword, value));
                }
            }

            if (values.Count == 0)
            {
                continue;
            }

            if (registry is null)
            {
                registry = new SchemaRegistry();
                registry.Register(DocumentUri(file.Profile.Id), resolved);
            }

            CompiledSchema subschema;
            try
            {
                subschema = CompiledSchema.Compile(new Uri(DocumentUri(file.Profile.Id), "#" + JsonPointer.ToUriFragment(pointer)), new SchemaOptions { Registry = registry, CustomErrorMessages = true });
            }
            catch (InvalidSchemaException exception)
            {
                if (reportCompileFailures)
                {
                    problems.Add(new RegistryProblem(file.SchemaFileName, file.SchemaPointer + pointer, $"This subschema cannot be compiled to check its default/const: {exception.Message}"));
                    errors++;
                }

                continue;
            }

            foreach (var (keyword, value) in values)
            {
                var instance = JsonSerializer.SerializeToElement(value);
                var result = subschema.Evaluate(instance);
                if (result.Undetermined)
                {
                    result = subschema.Evaluate(instance, Retry);
                }

                if (result.Undetermined)
                {
                    problems.Add(new RegistryProblem(
                        file.SchemaFileName,
                        $"{file.SchemaPointer}{pointer}/{keyword}",
                        $"The {keyword} value {value?.ToJsonString() ?? "null"} could not be checked: a pattern that needs the backtracking engine (lookaround or a backreference) did not finish matching within {RetryRegexTimeout.TotalSeconds:0} s. The profile loads; a trigger whose value cannot be checked in time answers 503. Simplify the pattern to silence this warning.",
                        ProblemSeverity.Warning));
                    continue;
                }

                if (!result.IsValid)
                {
                    var reasons = string.Join("; ", result.Errors.Select(e => e.InstanceLocation.Length == 0 ? e.Message : $"{e.InstanceLocation}: {e.Message}"));
                    var message = $"The {keyword} value {value?.ToJsonString() ?? "null"} fails its own schema: {reasons}";
                    if (valueSchemas.Contains(pointer))
                    {
                        problems.Add(new RegistryProblem(file.SchemaFileName, $"{file.SchemaPointer}{pointer}/{keyword}", message));
                        errors++;
                    }
                    else
                    {
                        problems.Add(new RegistryProblem(
                            file.SchemaFileName,
                            $"{file.SchemaPointer}{pointer}/{keyword}",
                            $"{message}. It is never filled in (this schema is the root, a group joined by allOf, or unused, not the schema of a parameter value), so the profile loads; remove the {keyword} to silence this warning.",
                            ProblemSeverity.Warning));
                    }
                }
            }
        }

        return errors == 0;
    }

    /// <summary>The name of a draft the schema's <c>$schema</c> declares that Airgate does not validate (draft-03 to draft-06), or null.</summary>
    private static string? UnsupportedDraft(JsonElement schema) => DialectKey(schema) switch
    {
        "http://json-schema.org/draft-06/schema" => "JSON Schema draft-06",
        "http://json-schema.org/draft-04/schema" => "JSON Schema draft-04",
        "http://json-schema.org/draft-03/schema" => "JSON Schema draft-03",
        _ => null,
    };

    /// <summary>The draft whose meta-schema the schema is checked against, as people name it.</summary>
    private static string DraftName(JsonElement schema) => DialectKey(schema) switch
    {
        "http://json-schema.org/draft-07/schema" => "draft-07",
        "http://json-schema.org/draft/2019-09/schema" => "draft 2019-09",
        _ => "draft 2020-12",
    };

    private static string? DialectKey(JsonElement schema) =>
        schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty("$schema", out var dialect) && dialect.ValueKind == JsonValueKind.String
            ? dialect.GetString()?.Replace("https://", "http://", StringComparison.OrdinalIgnoreCase).TrimEnd('#')
            : null;

    /// <summary>A stable, never-fetched base URI for a profile's resolved schema.</summary>
    public static Uri DocumentUri(string profileId) => new($"https://airgate.invalid/pipelines/{profileId}/parameters.json");
}
