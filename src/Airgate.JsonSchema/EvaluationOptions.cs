namespace Airgate.JsonSchema;

/// <summary>Options for one evaluation.</summary>
public sealed record EvaluationOptions
{
    /// <summary>Most errors collected before evaluation stops; <see cref="EvaluationResult.ErrorsTruncated"/> tells when it did.</summary>
    public int MaxErrors { get; init; } = 100;
}
