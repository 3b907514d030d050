using Airgate.Storage.Availability;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace Airgate.Problems;

/// <summary>Turns exceptions into problems: a client's malformed request is a 4xx, a bug is a 500 with no internals.</summary>
internal sealed partial class UnhandledExceptionHandler(
    IProblemDetailsService problemDetails,
    ILogger<UnhandledExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is OperationCanceledException && httpContext.RequestAborted.IsCancellationRequested)
        {
            // The client went away; nothing is wrong with the service.
            LogClientCancelled(logger, httpContext.Request.Path);
            httpContext.Response.StatusCode = 499;
            return true;
        }

        ProblemDetails problem;
        if (exception is BadHttpRequestException badRequest)
        {
            LogBadRequest(logger, httpContext.Request.Path, badRequest.Message);
            problem = new ProblemDetails
            {
                Status = badRequest.StatusCode,
                Title = badRequest.StatusCode switch
                {
                    StatusCodes.Status413PayloadTooLarge => "The request body is too large",
                    StatusCodes.Status408RequestTimeout => "The request body did not arrive in time",
                    _ => "The request is not valid",
                },
                Detail = badRequest.StatusCode switch
                {
                    StatusCodes.Status413PayloadTooLarge => "The request body exceeds the size Airgate accepts.",
                    // Kestrel's own words for a body shorter than its Content-Length or too slow; they name no client text.
                    StatusCodes.Status408RequestTimeout => "The request body was not received in full in time (shorter than its Content-Length, or too slow). Send it again.",
                    _ => badRequest.Message,
                },
            };
        }
        else if (DatabaseProblems.IsDatabaseFailure(exception))
        {
            // Expected states, logged once when they begin (DatabaseAvailability); readiness says so meanwhile.
            var expected = exception is DatabaseUnavailableException || DatabaseFailures.IsReadOnly(exception);
            if (expected)
            {
                if (exception is not DatabaseUnavailableException)
                {
                    httpContext.RequestServices.GetService<DatabaseAvailability>()?.ReportFailure(exception);
                }

                var reason = DatabaseFailures.Reason(exception);
                LogDatabaseRefused(logger, httpContext.Request.Path, reason);
            }
            else
            {
                LogDatabaseFailure(logger, exception, httpContext.Request.Path);
            }

            problem = DatabaseProblems.For(exception).ProblemDetails;
        }
        else
        {
            LogUnhandled(logger, exception, httpContext.Request.Path);
            problem = new ProblemDetails
            {
                Status = StatusCodes.Status500InternalServerError,
                Type = ProblemTypes.Internal,
                Title = "Airgate failed to handle the request",
                Detail = "An unexpected error occurred. Quote the trace_id when reporting it.",
            };
        }

        httpContext.Response.StatusCode = problem.Status ?? StatusCodes.Status500InternalServerError;
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = problem,
            Exception = exception,
        });
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Client cancelled {Path}")]
    private static partial void LogClientCancelled(ILogger logger, PathString path);

    [LoggerMessage(Level = LogLevel.Information, Message = "Bad request to {Path}: {Reason}")]
    private static partial void LogBadRequest(ILogger logger, PathString path, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Airgate's database failed during {Path}; answered 503")]
    private static partial void LogDatabaseFailure(ILogger logger, Exception exception, PathString path);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Airgate's database refused {Path} ({Reason}); answered 503")]
    private static partial void LogDatabaseRefused(ILogger logger, PathString path, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled error on {Path}")]
    private static partial void LogUnhandled(ILogger logger, Exception exception, PathString path);
}
