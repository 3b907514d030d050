using System.Text.Json;
using System.Text.Json.Nodes;
using Airgate.Core.Profiles;
using Airgate.JsonSchema;

namespace Airgate.Core.Registry;

/// <summary>The checks a profile's schema must pass: the 2020-12 meta-schema, compilation, and self-consistent <c>default</c>/<c>const</c> values.</summary>
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
        if (OlderDraft(file.Profile.ParametersSchema) is { } draft)
        {
            problems.Add(new RegistryProblem(
                file.SchemaFileName,
                file.SchemaPointer + "/$schema",
                $"The schema declares {draft} (\"$schema\": \"{file.Profile.ParametersSchema.GetProperty("$schema").GetString()}\"), but Airgate validates draft 2020-12 only, whose keywords differ ($defs, prefixItems, $ref beside other keywords). Older Nextflow pipelines (nf-validation) use draft-07; nf-schema 2 uses 2020-12: migrate the schema (e.g. `nf-core pipelines schema build`, or rename 'definitions' to '$defs' and set \"$schema\" to \"https://json-schema.org/draft/2020-12/schema\")."));
            return false;
        }

        var result = MetaSchemas.Validate(file.Profile.ParametersSchema);
        foreach (var error in result.Errors)
        {
            problems.Add(new RegistryProblem(file.SchemaFileName, file.SchemaPointer + error.InstanceLocation, $"Not a valid draft 2020-12 schema: {error.Message}"));
        }

        return result.IsValid;
    }

    public static CompiledSchema? Compile(ProfileFile file, JsonElement resolved, List<RegistryProblem> problems)
    {
        try
        {
            return CompiledSchema.Compile(resolved, new SchemaOptions { BaseUri = DocumentUri(file.Profile.Id), CustomErrorMessages = true });
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
                if (schema.TryGetPropertyValue(keyword, out var value))
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

    /// <summary>The name of an older draft the schema's <c>$schema</c> declares, or null for 2020-12, none, or a custom meta-schema.</summary>
    private static string? OlderDraft(JsonElement schema)
    {
        if (schema.ValueKind != JsonValueKind.Object || !schema.TryGetProperty("$schema", out var dialect) || dialect.GetString() is not { } uri)
        {
            return null;
        }

        var key = uri.Replace("https://", "http://", StringComparison.OrdinalIgnoreCase).TrimEnd('#');
        return key switch
        {
            "http://json-schema.org/draft-07/schema" => "JSON Schema draft-07",
            "http://json-schema.org/draft-06/schema" => "JSON Schema draft-06",
            "http://json-schema.org/draft-04/schema" => "JSON Schema draft-04",
            "http://json-schema.org/draft-03/schema" => "JSON Schema draft-03",
            "http://json-schema.org/draft/2019-09/schema" => "JSON Schema draft 2019-09",
            _ => null,
        };
    }

    /// <summary>A stable, never-fetched base URI for a profile's resolved schema.</summary>
    public static Uri DocumentUri(string profileId) => new($"https://airgate.invalid/pipelines/{profileId}/parameters.json");
}
