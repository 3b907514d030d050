using Airgate.Storage.Availability;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Airgate.Problems;

/// <summary>
/// A failure of Airgate's own database (a restart, a network blip, a full pool, a database that refuses writes) is the
/// service's temporary problem, never the client's and never a 500: 503 with <c>Retry-After</c>, saying which it was.
/// </summary>
internal static class DatabaseProblems
{
    // A database restart takes seconds; asking clients to come back sooner only adds load while it recovers.
    private const int RetryAfterSeconds = 2;

    // A database switched to read-only (maintenance, a failover to a standby) stays so for longer than a blip.
    private const int ReadOnlyRetryAfterSeconds = 30;

    public static bool IsDatabaseFailure(Exception exception) => DatabaseFailures.IsDatabaseFailure(exception);

    /// <summary>The problem for a database failure: <c>database-read-only</c> when it refused a write, else <c>database-unavailable</c>.</summary>
    public static ProblemHttpResult For(Exception exception, IDictionary<string, object?>? extensions = null, string? detail = null) =>
        DatabaseFailures.IsReadOnly(exception) ? ReadOnly(extensions, detail) : Unavailable(extensions, detail);

    public static ProblemHttpResult Unavailable(IDictionary<string, object?>? extensions = null, string? detail = null)
    {
        var problem = Problem.Create(
            StatusCodes.Status503ServiceUnavailable, ProblemTypes.DatabaseUnavailable, "Airgate's database is unavailable",
            detail ?? "Airgate could not reach its database. Try again shortly.", extensions);
        problem.ProblemDetails.Extensions["retry_after_seconds"] = RetryAfterSeconds;
        return problem;
    }

    public static ProblemHttpResult ReadOnly(IDictionary<string, object?>? extensions = null, string? detail = null)
    {
        var problem = Problem.Create(
            StatusCodes.Status503ServiceUnavailable, ProblemTypes.DatabaseReadOnly, "Airgate's database is read-only",
            detail ?? "Airgate's database accepts reads but refuses writes, so nothing that must be recorded can be done now and nothing was sent to Airflow. Try again later.",
            extensions);
        problem.ProblemDetails.Extensions["retry_after_seconds"] = ReadOnlyRetryAfterSeconds;
        return problem;
    }
}
