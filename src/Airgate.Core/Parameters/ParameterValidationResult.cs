using System.Text.Json.Nodes;

namespace Airgate.Core.Parameters;

/// <summary>Every pipeline's filled parameters (or the filled Airflow Params), and every error found in any of them.</summary>
public sealed record ParameterValidationResult(
    IReadOnlyList<ValidatedPipeline> Pipelines,
    JsonObject? DagParams,
    IReadOnlyList<ParameterError> Errors)
{
    /// <summary>
    /// True when a pattern that needs the backtracking engine could not be matched within its budget (a busy machine):
    /// the parameters were neither accepted nor rejected, and must not be sent (the caller answers 503, never 400).
    /// </summary>
    public bool Undetermined { get; init; }

    public bool IsValid => Errors.Count == 0 && !Undetermined;
}
