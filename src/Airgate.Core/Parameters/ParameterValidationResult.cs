using System.Text.Json.Nodes;

namespace Airgate.Core.Parameters;

/// <summary>Every pipeline's filled parameters (or the filled Airflow Params), and every error found in any of them.</summary>
public sealed record ParameterValidationResult(
    IReadOnlyList<ValidatedPipeline> Pipelines,
    JsonObject? DagParams,
    IReadOnlyList<ParameterError> Errors)
{
    public bool IsValid => Errors.Count == 0;
}
