using Microsoft.Extensions.Logging;

namespace Airgate.Airflow.Http;

/// <summary>Every log line the client writes: paths without queries, never credentials, tokens or login bodies.</summary>
internal static partial class AirflowLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Debug, Message = "Airflow {Method} {Path} answered {Status} in {ElapsedMs} ms")]
    public static partial void Succeeded(ILogger logger, string method, string path, int status, long elapsedMs);

    [LoggerMessage(EventId = 2, Level = LogLevel.Warning, Message = "Airflow {Method} {Path} failed with {Error} (status {Status}) in {ElapsedMs} ms")]
    public static partial void Failed(ILogger logger, string method, string path, AirflowError error, int? status, long elapsedMs);

    [LoggerMessage(EventId = 3, Level = LogLevel.Information, Message = "Airflow {Method} {Path} attempt {Attempt} failed with {Error} (status {Status}); retrying in {DelayMs} ms")]
    public static partial void Retrying(ILogger logger, string method, string path, int attempt, AirflowError error, int? status, long delayMs);

    [LoggerMessage(EventId = 4, Level = LogLevel.Debug, Message = "Airflow {Method} {Path} was cancelled by the caller after {ElapsedMs} ms")]
    public static partial void Cancelled(ILogger logger, string method, string path, long elapsedMs);

    [LoggerMessage(EventId = 5, Level = LogLevel.Information, Message = "Airflow {Method} {Path} could not connect ({RequestError})")]
    public static partial void Unreachable(ILogger logger, string method, string path, HttpRequestError requestError);

    [LoggerMessage(EventId = 6, Level = LogLevel.Warning, Message = "Airflow {Method} {Path} answered {Status} with a body we could not read as {Expected}")]
    public static partial void Unreadable(ILogger logger, string method, string path, int status, string expected);

    [LoggerMessage(EventId = 7, Level = LogLevel.Debug, Message = "Rejected a call to Airflow {Method} {Path} before sending it: {Reason}")]
    public static partial void RejectedLocally(ILogger logger, string method, string path, string reason);

    [LoggerMessage(EventId = 8, Level = LogLevel.Warning, Message = "Airflow {Method} {Path} was not sent: the circuit breaker is open after repeated failures")]
    public static partial void CircuitOpen(ILogger logger, string method, string path);

    [LoggerMessage(EventId = 10, Level = LogLevel.Information, Message = "Logged in to Airflow at {Path} as the configured user")]
    public static partial void LoggedIn(ILogger logger, string path);

    [LoggerMessage(EventId = 11, Level = LogLevel.Warning, Message = "Airflow login at {Path} failed with {Error} (status {Status})")]
    public static partial void LoginFailed(ILogger logger, string path, AirflowError error, int? status);

    [LoggerMessage(EventId = 12, Level = LogLevel.Information, Message = "Airflow refused the token for {Method} {Path} ({Status}); logging in again once")]
    public static partial void TokenRejected(ILogger logger, string method, string path, int status);
}
