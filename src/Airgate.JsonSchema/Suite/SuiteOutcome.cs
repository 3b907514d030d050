namespace Airgate.JsonSchema.Suite;

/// <summary>The result of running one suite case.</summary>
/// <param name="Passed">True when the validator agreed with the suite.</param>
/// <param name="Detail">Why it did not, when it did not.</param>
public sealed record SuiteOutcome(bool Passed, string? Detail);
