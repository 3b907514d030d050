using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Airgate.Core.Manifests;
using Airgate.Core.Profiles;
using Airgate.Core.Registry;

namespace Airgate.Core.Parameters;

/// <summary>
/// Reads a trigger body (native <c>pipelines</c>, compatible <c>pipelineConfigs</c>, or Airflow <c>params</c>) into a
/// <see cref="TriggerRequest"/>, collecting every error. Unknown top-level fields are errors (a mistyped
/// <c>pipeline</c> must not be silently ignored); a client-sent <c>airgate</c> block is dropped, never trusted.
/// With errors, the request may still come back holding the pipelines that did resolve, so their parameters can be
/// checked in the same answer. A pipeline sent without parameters is kept with null parameters: the validator
/// decides whether that is an error (it is when the pipeline has required parameters).
/// </summary>
public static partial class TriggerRequestParser
{
    private static readonly string[] KnownFields = ["pipelines", "pipelineConfigs", "params", "note", "logical_date", "airgate"];

    /// <summary>Parses a body for a workflow with the given manifest (null when the workflow has none).</summary>
    public static TriggerParseResult Parse(JsonElement body, RegistrySnapshot registry, WorkflowManifest? manifest)
    {
        var errors = new List<ParameterError>();
        if (body.ValueKind != JsonValueKind.Object)
        {
            errors.Add(new(null, string.Empty, RequestKeywords.Type, "The request body must be a JSON object."));
            return new(null, errors);
        }

        foreach (var property in body.EnumerateObject().Where(p => !KnownFields.Contains(p.Name, StringComparer.Ordinal)))
        {
            errors.Add(new(null, JsonPointer.Append(string.Empty, property.Name), RequestKeywords.UnknownField, $"'{property.Name}' is not a field of a trigger request; use {(manifest is null ? "'params'" : "'pipelines'")}, 'note' and 'logical_date'."));
        }

        var note = ReadNote(body, errors);
        var logicalDate = ReadLogicalDate(body, errors);
        var request = manifest is null
            ? ReadDagParams(body, errors)
            : ReadPipelines(body, registry, manifest, errors);
        return new(request is null ? null : request with { Note = note, LogicalDate = logicalDate }, errors);
    }

    private static TriggerRequest? ReadDagParams(JsonElement body, List<ParameterError> errors)
    {
        foreach (var field in (string[])["pipelines", "pipelineConfigs"])
        {
            if (body.TryGetProperty(field, out _))
            {
                errors.Add(new(null, "/" + field, RequestKeywords.WrongForm, "This workflow has no pipeline manifest; send its Airflow Params as {\"params\": {...}}."));
            }
        }

        if (!body.TryGetProperty("params", out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return new TriggerRequest { Form = TriggerRequestForm.DagParams, DagParams = [] };
        }

        if (value.ValueKind != JsonValueKind.Object)
        {
            errors.Add(new(null, "/params", RequestKeywords.Type, "'params' must be an object of Airflow Param values."));
            return null;
        }

        return new TriggerRequest { Form = TriggerRequestForm.DagParams, DagParams = JsonNode.Parse(value.GetRawText())?.AsObject() };
    }

    private static TriggerRequest? ReadPipelines(JsonElement body, RegistrySnapshot registry, WorkflowManifest manifest, List<ParameterError> errors)
    {
        // Fail closed: a workflow whose manifest or pipelines are broken in the registry is refused, never run unchecked.
        if (manifest.Problems.Count > 0)
        {
            foreach (var problem in manifest.Problems)
            {
                errors.Add(new(null, string.Empty, RequestKeywords.WorkflowUnavailable, $"The workflow '{manifest.DagId}' cannot be triggered until its registry problem is fixed: {problem}"));
            }

            return null;
        }

        if (body.TryGetProperty("params", out _))
        {
            errors.Add(new(null, "/params", RequestKeywords.WrongForm, $"The workflow '{manifest.DagId}' runs pipelines; send parameters as {{\"pipelines\": {{\"<pipeline id>\": {{...}}}}}}."));
        }

        var hasNative = body.TryGetProperty("pipelines", out var native);
        var hasCompatible = body.TryGetProperty("pipelineConfigs", out var compatible);
        if (hasNative && hasCompatible)
        {
            errors.Add(new(null, string.Empty, RequestKeywords.WrongForm, "Send either 'pipelines' or 'pipelineConfigs', not both."));
            return null;
        }

        var entries = hasCompatible
            ? PipelineEntries.FromConfigs(compatible, registry, errors)
            : PipelineEntries.FromMap(native, hasNative, errors);
        var given = new Dictionary<string, JsonObject?>(StringComparer.Ordinal);
        var unreadable = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            if (registry.FindProfile(entry.Reference) is not { } profile)
            {
                errors.Add(new(entry.Reference, string.Empty, RequestKeywords.UnknownPipeline, $"'{entry.Reference}' is not a pipeline id or name@version in the registry (at {entry.Pointer})."));
            }
            else if (!manifest.Pipelines.Contains(profile.Id, StringComparer.Ordinal))
            {
                errors.Add(new(profile.Id, string.Empty, RequestKeywords.NotInWorkflow, $"The pipeline '{entry.Reference}' is not run by the workflow '{manifest.DagId}', which runs: {string.Join(", ", manifest.Pipelines)}."));
            }
            else if (given.ContainsKey(profile.Id))
            {
                errors.Add(new(profile.Id, string.Empty, RequestKeywords.Duplicate, $"The pipeline '{profile.Id}' is given more than once (again as '{entry.Reference}' at {entry.Pointer})."));
            }
            else if (entry.Parameters is { ValueKind: not (JsonValueKind.Object or JsonValueKind.Null) })
            {
                errors.Add(new(profile.Id, string.Empty, RequestKeywords.Type, $"The parameters of '{entry.Reference}' must be a JSON object."));
                given[profile.Id] = null;
                unreadable.Add(profile.Id);
            }
            else
            {
                given[profile.Id] = entry.Parameters is { ValueKind: JsonValueKind.Object } parameters
                    ? JsonNode.Parse(parameters.GetRawText())?.AsObject()
                    : null;
            }
        }

        var pipelines = registry.PipelinesOf(manifest)
            .Where(profile => !unreadable.Contains(profile.Id))
            .Select(profile => new PipelineRequest(profile, given.GetValueOrDefault(profile.Id)))
            .ToList();
        return new TriggerRequest { Form = hasCompatible ? TriggerRequestForm.PipelineConfigs : TriggerRequestForm.Pipelines, Pipelines = pipelines };
    }

    private static string? ReadNote(JsonElement body, List<ParameterError> errors)
    {
        if (!body.TryGetProperty("note", out var note) || note.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (note.ValueKind == JsonValueKind.String)
        {
            return note.GetString();
        }

        errors.Add(new(null, "/note", RequestKeywords.Type, "'note' must be a string or null."));
        return null;
    }

    private static DateTimeOffset? ReadLogicalDate(JsonElement body, List<ParameterError> errors)
    {
        if (!body.TryGetProperty("logical_date", out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind == JsonValueKind.String && value.GetString() is { } text && IsoDateTimeRegex().IsMatch(text)
            && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
        {
            return parsed;
        }

        errors.Add(new(null, "/logical_date", RequestKeywords.Format, "'logical_date' must be null or an ISO 8601 date-time with a time zone, e.g. \"2026-01-15T09:00:00Z\"."));
        return null;
    }

    // Airflow rejects naive date-times, so the offset (or Z) is required here too.
    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,7})?)?(Z|[+-]\d{2}:\d{2})\z", RegexOptions.CultureInvariant)]
    private static partial Regex IsoDateTimeRegex();
}
