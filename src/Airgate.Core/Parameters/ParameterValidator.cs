using System.Text.Json;
using System.Text.Json.Nodes;
using Airgate.JsonSchema;

namespace Airgate.Core.Parameters;

/// <summary>
/// Fills <c>default</c>/<c>const</c> values (see <see cref="DefaultFiller"/>) and validates every pipeline against its
/// compiled resolved schema, returning every error of every pipeline at once.
/// </summary>
public static class ParameterValidator
{
    private static readonly EvaluationOptions Evaluation = new() { MaxErrors = 200 };

    /// <summary>Validates a parsed request: its pipelines, or its Airflow Params against <paramref name="dagParams"/>.</summary>
    public static ParameterValidationResult Validate(TriggerRequest request, DagParamsSchema? dagParams = null)
    {
        if (request.Form == TriggerRequestForm.DagParams)
        {
            return ValidateDagParams(request.DagParams ?? [], dagParams ?? DagParamsSchema.Empty);
        }

        var errors = new List<ParameterError>();
        var validated = new List<ValidatedPipeline>();
        var undetermined = false;
        foreach (var pipeline in request.Pipelines)
        {
            var profile = pipeline.Profile;
            var filled = DefaultFiller.Fill(pipeline.Parameters ?? [], profile.ResolvedSchema);
            var schemaErrors = Evaluate(profile.Validator, filled, profile.Id, ref undetermined);
            if (pipeline.Parameters is null && schemaErrors.Count > 0)
            {
                // One error for the missing object; each missing parameter still has its own, at its own pointer.
                var where = request.Form == TriggerRequestForm.PipelineConfigs
                    ? $"in its pipelineConfigs entry under '{profile.Profile.Submission.OptionsField}'"
                    : $"under pipelines.{profile.Id}";
                errors.Add(new(profile.Id, string.Empty, RequestKeywords.Required, $"No parameters were given for '{profile.Id}', which has required parameters; send them {where}."));
            }

            errors.AddRange(schemaErrors);
            if (pipeline.Parameters is { } given && NextflowCommandLine.IsNextflow(profile))
            {
                errors.AddRange(DeprecatedParameters.Check(profile, given).Where(e => !schemaErrors.Contains(e)));
            }

            validated.Add(new ValidatedPipeline(profile, filled) { SetByUser = (pipeline.Parameters ?? []).Select(p => p.Key).ToHashSet(StringComparer.Ordinal) });
        }

        return new ParameterValidationResult(errors.Count == 0 && !undetermined ? validated : [], null, errors) { Undetermined = undetermined };
    }

    /// <summary>
    /// Validates Airflow Params for a workflow without a manifest, with every error. Errors have no pipeline, so their
    /// pointers are into the request body like every pipeline-less error: <c>/params/&lt;name&gt;...</c>.
    /// </summary>
    public static ParameterValidationResult ValidateDagParams(JsonObject parameters, DagParamsSchema schema)
    {
        var filled = DefaultFiller.Fill(parameters, schema.Schema);
        var undetermined = false;
        var errors = Evaluate(schema.Validator, filled, pipeline: null, ref undetermined)
            .Select(e => e with { Pointer = "/params" + e.Pointer })
            .ToList();
        return new ParameterValidationResult([], errors.Count == 0 && !undetermined ? filled : null, errors) { Undetermined = undetermined };
    }

    private static List<ParameterError> Evaluate(CompiledSchema validator, JsonObject instance, string? pipeline, ref bool undetermined)
    {
        var result = validator.Evaluate(JsonSerializer.SerializeToElement(instance), Evaluation);
        undetermined |= result.Undetermined;
        // One sentence once per pointer: a schema's errorMessage stands for each of its failing keywords (pattern and
        // maxLength both failing would otherwise show the user the same text twice).
        var errors = result.Errors.Select(e => ToParameterError(e, pipeline)).DistinctBy(e => (e.Pointer, e.Message)).ToList();
        if (result.ErrorsTruncated)
        {
            errors.Add(new ParameterError(pipeline, string.Empty, "errors", $"More than {Evaluation.MaxErrors} errors; fix these and send again to see the rest."));
        }

        return errors;
    }

    /// <summary>A missing property is reported where it belongs (<c>/reads</c>), the way a form shows it beside its field.</summary>
    private static ParameterError ToParameterError(SchemaError error, string? pipeline) =>
        error.Property is { } property && error.Keyword is "required" or "dependentRequired" or "dependencies"
            ? new ParameterError(pipeline, Registry.JsonPointer.Append(error.InstanceLocation, property), error.Keyword, MissingMessage(error, property))
            : new ParameterError(pipeline, error.InstanceLocation, error.Keyword, error.Message) { Pattern = error.Pattern };

    private static string MissingMessage(SchemaError error, string property) =>
        error.Keyword == "required" && error.Message.StartsWith("is missing required property", StringComparison.Ordinal)
            ? $"'{property}' is required"
            : error.Message;
}
