using System.Globalization;
using Airgate.Airflow;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Airgate.Problems;

/// <summary>The one place where an Airflow failure becomes an HTTP answer.</summary>
internal static class AirflowFailureProblems
{
    /// <summary>Maps a failure; <paramref name="notFoundDetail"/> words a 404 in the client's terms (which workflow, which run).</summary>
    public static ProblemHttpResult ToProblem(this AirflowFailure failure, string notFoundDetail)
    {
        var problem = failure.Error switch
        {
            // Amazon MWAA's own answers (not Airflow's): named, never a 500; the detail is Airgate's wording (MwaaErrors).
            AirflowError.TransportRefused => Problem.Create(
                StatusCodes.Status502BadGateway, ProblemTypes.MwaaRefused, $"Amazon MWAA refused the call ({failure.AwsError})", failure.Detail),
            AirflowError.ServerError when failure.AwsError is not null && failure.StatusCode == StatusCodes.Status503ServiceUnavailable => Problem.Create(
                StatusCodes.Status503ServiceUnavailable, ProblemTypes.AirflowUnavailable, $"Amazon MWAA throttled the call ({failure.AwsError})", failure.Detail),
            AirflowError.ServerError when failure.AwsError is not null => Problem.Create(
                StatusCodes.Status502BadGateway, ProblemTypes.AirflowBadGateway, $"Amazon MWAA failed ({failure.AwsError})", failure.Detail),
            AirflowError.NotFound => Problem.NotFound(notFoundDetail),
            AirflowError.Conflict => Problem.Create(
                StatusCodes.Status409Conflict, ProblemTypes.Conflict, "Conflict with Airflow's state", failure.Detail),
            AirflowError.Rejected => Problem.Create(
                StatusCodes.Status400BadRequest, ProblemTypes.AirflowRejected, "Airflow rejected the request", failure.Detail),
            AirflowError.Timeout => Problem.Create(
                StatusCodes.Status504GatewayTimeout, ProblemTypes.AirflowTimeout, "Airflow did not answer in time",
                "Airflow did not answer within the configured timeout. Try again shortly."),
            AirflowError.ServerError when failure.StatusCode == StatusCodes.Status503ServiceUnavailable => Problem.Create(
                StatusCodes.Status503ServiceUnavailable, ProblemTypes.AirflowUnavailable, "Airflow is unavailable",
                "Airflow answered that it is unavailable. Try again later."),
            AirflowError.Unreachable => Problem.Create(
                StatusCodes.Status502BadGateway, ProblemTypes.AirflowUnavailable, "Airflow cannot be reached",
                "Airgate could not connect to Airflow. Try again later."),
            // Credentials are the gateway's, not the client's: a client must not be told to sign in again.
            AirflowError.Unauthorized or AirflowError.Forbidden => Problem.Create(
                StatusCodes.Status502BadGateway, ProblemTypes.AirflowBadGateway, "Airflow refused Airgate's credentials",
                "Airflow refused the gateway's service account. An operator must check the Airflow connection settings."),
            _ => Problem.Create(
                StatusCodes.Status502BadGateway, ProblemTypes.AirflowBadGateway, "Airflow answered with an error",
                "Airflow failed to answer the request. Try again later."),
        };

        if (failure.RetryAfter is { } retryAfter && problem.StatusCode is 502 or 503 or 504)
        {
            problem.ProblemDetails.Extensions["retry_after_seconds"] = (int)Math.Ceiling(retryAfter.TotalSeconds);
        }

        return problem;
    }

    /// <summary>Adds <c>Retry-After</c> when Airflow asked us to wait, or a short default on 502/503/504.</summary>
    public static void AddRetryAfter(HttpContext context, ProblemDetails problem)
    {
        if (problem.Status is 502 or 503 or 504)
        {
            var seconds = problem.Extensions.TryGetValue("retry_after_seconds", out var value) && value is int s ? s : 5;
            context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        }
    }
}
