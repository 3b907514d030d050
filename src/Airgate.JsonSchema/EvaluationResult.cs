using System.Text.Json.Nodes;

namespace Airgate.JsonSchema;

/// <summary>The outcome of evaluating an instance: validity and every error found.</summary>
public sealed class EvaluationResult
{
    /// <summary>Creates a result from the errors found.</summary>
    public EvaluationResult(IReadOnlyList<SchemaError> errors, bool errorsTruncated)
    {
        Errors = errors;
        ErrorsTruncated = errorsTruncated;
    }

    /// <summary>True when the instance satisfied the schema.</summary>
    public bool IsValid => Errors.Count == 0 && !ErrorsTruncated;

    /// <summary>Every error found, in evaluation order.</summary>
    public IReadOnlyList<SchemaError> Errors { get; }

    /// <summary>
    /// True when a pattern that needs the backtracking engine could not be matched within its budget: the instance was
    /// neither accepted nor rejected on its merits (<see cref="IsValid"/> is false, failing closed). Retry later, or with
    /// a larger <see cref="EvaluationOptions.RegexTimeout"/>.
    /// </summary>
    public bool Undetermined { get; init; }

    /// <summary>True when more errors existed than <see cref="EvaluationOptions.MaxErrors"/> allowed.</summary>
    public bool ErrorsTruncated { get; }

    /// <summary>The specification's "flag" output shape: <c>{"valid": bool}</c>.</summary>
    public JsonObject ToFlagOutput() => new() { ["valid"] = IsValid };

    /// <summary>The specification's "basic" output shape: a flat list of output units.</summary>
    public JsonObject ToBasicOutput()
    {
        var output = new JsonObject { ["valid"] = IsValid };
        if (IsValid)
        {
            return output;
        }

        var errors = new JsonArray();
        foreach (var error in Errors)
        {
            errors.Add(new JsonObject
            {
                ["valid"] = false,
                ["keywordLocation"] = error.KeywordLocation,
                ["absoluteKeywordLocation"] = error.AbsoluteKeywordLocation,
                ["instanceLocation"] = error.InstanceLocation,
                ["error"] = error.Message,
            });
        }

        output["errors"] = errors;
        if (ErrorsTruncated)
        {
            output["errorsTruncated"] = true;
        }

        return output;
    }
}
