using System.Data.Common;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Airgate.Problems;

/// <summary>
/// A failure of Airgate's own database (a restart, a network blip, a full pool) is the service's temporary problem,
/// never the client's and never a 500: 503 with <c>Retry-After</c>.
/// </summary>
internal static class DatabaseProblems
{
    // A database restart takes seconds; asking clients to come back sooner only adds load while it recovers.
    private const int RetryAfterSeconds = 2;

    public static bool IsDatabaseFailure(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is DbException)
            {
                return true;
            }
        }

        return false;
    }

    public static ProblemHttpResult Unavailable(IDictionary<string, object?>? extensions = null, string? detail = null)
    {
        var problem = Problem.Create(
            StatusCodes.Status503ServiceUnavailable, ProblemTypes.DatabaseUnavailable, "Airgate's database is unavailable",
            detail ?? "Airgate could not reach its database. Try again shortly.", extensions);
        problem.ProblemDetails.Extensions["retry_after_seconds"] = RetryAfterSeconds;
        return problem;
    }
}
