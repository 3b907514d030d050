using Microsoft.AspNetCore.Http.HttpResults;

namespace Airgate.Problems;

/// <summary>
/// A parameter whose pattern needs the backtracking engine could not be checked within its budget because the machine
/// was busy: the service's temporary problem, never the client's (no 400) and never a pass (nothing reaches Airflow).
/// </summary>
internal static class ValidationTimeoutProblems
{
    // A busy spell passes in about a second; asking sooner would only add to it.
    private const int RetryAfterSeconds = 1;

    public static ProblemHttpResult CouldNotBeChecked(IReadOnlyList<Core.Parameters.ParameterError> errors)
    {
        var where = errors.Where(e => e.Message.StartsWith("could not be checked", StringComparison.Ordinal))
            .Select(e => e.Pipeline is null ? e.Pointer : $"{e.Pipeline} {e.Pointer}")
            .Distinct()
            .ToList();
        var detail = "A parameter's pattern could not be matched in time because Airgate is busy, so the parameters were neither accepted nor rejected and nothing was sent to Airflow. Send the same request again after Retry-After."
            + (where.Count > 0 ? $" Not checked: {string.Join(", ", where)}." : string.Empty);
        var problem = Problem.Create(StatusCodes.Status503ServiceUnavailable, ProblemTypes.ValidationTimeout, "The parameters could not be checked in time", detail);
        problem.ProblemDetails.Extensions["retry_after_seconds"] = RetryAfterSeconds;
        return problem;
    }
}
