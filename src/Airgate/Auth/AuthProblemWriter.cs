using System.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace Airgate.Auth;

/// <summary>Writes the 401, 403 and 503 problem bodies of authentication, the same way in every mode.</summary>
internal static class AuthProblemWriter
{
    public static Task WriteAsync(HttpContext context, int status, string type, string title, string detail)
    {
        var problem = new ProblemDetails
        {
            Type = type,
            Title = title,
            Status = status,
            Detail = detail,
            Instance = context.Request.Path,
        };
        problem.Extensions["traceId"] = Activity.Current?.Id ?? context.TraceIdentifier;
        return TypedResults.Problem(problem).ExecuteAsync(context);
    }
}
