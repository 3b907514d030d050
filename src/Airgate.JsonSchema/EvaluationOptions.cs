namespace Airgate.JsonSchema;

/// <summary>Options for one evaluation.</summary>
public sealed record EvaluationOptions
{
    /// <summary>Most errors collected before evaluation stops; <see cref="EvaluationResult.ErrorsTruncated"/> tells when it did.</summary>
    public int MaxErrors { get; init; } = 100;

    /// <summary>Budget of one backtracking pattern match for this evaluation (a retry with more time); null: <see cref="SchemaOptions.RegexTimeout"/>.</summary>
    public TimeSpan? RegexTimeout { get; init; }
}
