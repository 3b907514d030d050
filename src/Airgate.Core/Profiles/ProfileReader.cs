using System.Text.Json;
using Airgate.Core.Registry;

namespace Airgate.Core.Profiles;

/// <summary>Reads a profile file in either the native snake_case form or the compatible camelCase form (SPEC 2, 2.1).</summary>
internal static class ProfileReader
{
    private static readonly string[] NativeMarkers = ["id", "name", "parameters_schema", "ui_schema", "runnable"];
    private static readonly string[] CompatibleMarkers = ["pipelineId", "pipelineName", "parametersSchema", "uiSchema", "pipelineRunnable"];

    /// <summary>True when the file carries a profile's identifying fields in either form.</summary>
    public static bool LooksLikeProfile(JsonElement root) =>
        root.TryGetProperty("id", out _) || root.TryGetProperty("pipelineId", out _)
        || root.TryGetProperty("parameters_schema", out _) || root.TryGetProperty("parametersSchema", out _)
        || root.TryGetProperty("parameters_schema_file", out _) || root.TryGetProperty("parametersSchemaFile", out _);

    public static ProfileFile? Read(string file, JsonElement root, List<RegistryProblem> problems, SchemaFiles? schemaFiles = null)
    {
        var reader = new DocumentReader(file, root, problems);
        var native = NativeMarkers.Where(reader.Has).ToList();
        var compatible = CompatibleMarkers.Where(reader.Has).ToList();
        if (native.Count > 0 && compatible.Count > 0)
        {
            reader.Problem(string.Empty, $"The file mixes native fields ({string.Join(", ", native)}) with compatible fields ({string.Join(", ", compatible)}); use one form.");
            return null;
        }

        var form = compatible.Count > 0 ? ProfileFileForm.Compatible : ProfileFileForm.Native;
        var names = form == ProfileFileForm.Native ? FieldNames.Native : FieldNames.Compatible;

        var id = reader.String(names.Id, required: true);
        if (id is not null && !ProfileIds.IsValid(id))
        {
            reader.Problem(JsonPointer.Append(string.Empty, names.Id), $"'{id}' is not a valid profile id: it must match {ProfileIds.Pattern} (letters, digits, '.', '_', '-', at most 128, starting with a letter or digit).");
        }

        var name = reader.String(names.Name, required: true);
        var version = reader.String("version", required: true);
        if (version is not null && version.Contains('@', StringComparison.Ordinal))
        {
            reader.Problem("/version", $"'{version}' must not contain '@', which separates name and version in references.");
        }

        var description = reader.String(names.Description, required: false);
        var type = reader.String(names.Type, required: false);
        var project = reader.String("project", required: false);
        var runnable = reader.Boolean(names.Runnable);
        var inherits = reader.StringArray("inherits", required: false) ?? [];

        var schema = reader.Element(names.Schema);
        // Either form may name the file the way SPEC 2.2 spells it; the camelCase spelling is accepted in the compatible form.
        var fileField = reader.Has("parameters_schema_file") || form == ProfileFileForm.Native ? "parameters_schema_file" : "parametersSchemaFile";
        var schemaReference = reader.String(fileField, required: false);
        string? schemaFile = null;
        if (schemaReference is not null && schema is not null)
        {
            reader.Problem(JsonPointer.Append(string.Empty, fileField), $"The file gives both '{names.Schema}' and '{fileField}'; keep one.");
        }
        else if (schemaReference is not null)
        {
            string? missing = $"'{fileField}' is only read from a registry directory.";
            schema = schemaFiles is null ? null : schemaFiles.Find(file, schemaReference, out schemaFile, out missing);
            if (schema is null)
            {
                reader.Problem(JsonPointer.Append(string.Empty, fileField), missing ?? "The schema file cannot be used.");
            }
        }
        else if (schema is null)
        {
            reader.Problem(JsonPointer.Append(string.Empty, names.Schema), $"'{names.Schema}' is required: a JSON Schema (draft 2020-12) for the parameter object, or '{fileField}' naming a schema file such as a pipeline's nextflow_schema.json.");
        }
        else if (schema.Value.ValueKind is not (JsonValueKind.Object or JsonValueKind.True or JsonValueKind.False))
        {
            reader.Problem(JsonPointer.Append(string.Empty, names.Schema), $"'{names.Schema}' must be a JSON Schema (an object or a boolean), not {DocumentReader.Describe(schema.Value)}.");
        }

        var submission = ReadSubmission(reader, names);
        if (reader.HasProblems || id is null || name is null || version is null || schema is null)
        {
            return null;
        }

        var profile = new PipelineProfile
        {
            Id = id,
            Name = name,
            Version = version,
            Description = description,
            Type = type,
            Project = project,
            Runnable = runnable ?? true,
            Inherits = inherits,
            ParametersSchema = schema.Value.Clone(),
            UiSchema = reader.Element(names.UiSchema)?.Clone(),
            Submission = submission,
        };
        return new ProfileFile(profile, file, form) { SchemaFile = schemaFile };
    }

    private static SubmissionSettings ReadSubmission(DocumentReader reader, FieldNames names)
    {
        if (reader.Element("submission") is not { } submission)
        {
            return SubmissionSettings.Default;
        }

        if (submission.ValueKind != JsonValueKind.Object)
        {
            reader.Problem("/submission", $"'submission' must be an object, not {DocumentReader.Describe(submission)}.");
            return SubmissionSettings.Default;
        }

        var field = reader.String(submission, "/submission", names.OptionsField, required: false);
        if (field is { Length: 0 })
        {
            reader.Problem(JsonPointer.Append("/submission", names.OptionsField), $"'{names.OptionsField}' must not be empty.");
        }

        var encodingName = reader.String(submission, "/submission", "encoding", required: false);
        var encoding = encodingName switch
        {
            null or "object" => SubmissionEncoding.JsonObject,
            "cli-string" => SubmissionEncoding.CliString,
            _ => (SubmissionEncoding?)null,
        };
        if (encoding is null)
        {
            reader.Problem("/submission/encoding", $"'{encodingName}' is not an encoding; use \"object\" or \"cli-string\".");
        }

        return new SubmissionSettings
        {
            OptionsField = field is { Length: > 0 } ? field : SubmissionSettings.DefaultOptionsField,
            Encoding = encoding ?? SubmissionEncoding.JsonObject,
        };
    }

    private sealed record FieldNames(string Id, string Name, string Description, string Type, string Runnable, string Schema, string UiSchema, string OptionsField)
    {
        public static FieldNames Native { get; } = new("id", "name", "description", "type", "runnable", "parameters_schema", "ui_schema", "options_field");

        public static FieldNames Compatible { get; } = new("pipelineId", "pipelineName", "pipelineDescription", "pipelineType", "pipelineRunnable", "parametersSchema", "uiSchema", "optionsFieldName");
    }
}
