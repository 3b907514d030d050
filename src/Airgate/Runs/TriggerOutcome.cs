using Airgate.Core.Runs;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Airgate.Runs;

/// <summary>A trigger's end: the run (new, or replayed for a repeated <c>Idempotency-Key</c>) or the problem to answer.</summary>
internal sealed record TriggerOutcome(RunResponse? Run, bool Replayed, ProblemHttpResult? Problem)
{
    public static TriggerOutcome Fail(ProblemHttpResult problem) => new(null, false, problem);
}
