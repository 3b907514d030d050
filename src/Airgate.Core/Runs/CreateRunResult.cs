namespace Airgate.Core.Runs;

/// <summary>The record a create call ended with and whether it was inserted by this call.</summary>
public sealed record CreateRunResult(RunRecord Record, CreateRunOutcome Outcome)
{
    public bool Created => Outcome == CreateRunOutcome.Created;
}
