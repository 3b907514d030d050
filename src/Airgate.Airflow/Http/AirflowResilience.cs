using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace Airgate.Airflow.Http;

/// <summary>
/// The Airflow client's resilience pipeline, built with Microsoft.Extensions.Http.Resilience: a total timeout, retries with
/// jitter for safe methods only, a circuit breaker and a per-attempt timeout (login included), outermost first.
/// </summary>
internal static class AirflowResilience
{
    public const string PipelineName = "airflow";

    /// <summary>Share of failed calls in the sampling window that opens the circuit.</summary>
    public const double BreakerFailureRatio = 0.5;

    /// <summary>Calls in the sampling window before the breaker judges at all, so a handful of failures never opens it.</summary>
    public const int BreakerMinimumThroughput = 20;

    public static readonly TimeSpan BreakerSamplingDuration = TimeSpan.FromSeconds(30);

    public static readonly TimeSpan BreakerBreakDuration = TimeSpan.FromSeconds(5);

    public static IHttpClientBuilder AddAirflowResilience(this IHttpClientBuilder builder)
    {
        builder.AddResilienceHandler(PipelineName, static (pipeline, context) =>
        {
            var options = context.ServiceProvider.GetRequiredService<IOptions<AirflowOptions>>().Value;
            var logger = context.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger<AirflowClient>();
            pipeline.AddTimeout(new HttpTimeoutStrategyOptions { Name = "total", Timeout = options.EffectiveTotalTimeout });
            if (options.MaxRetries > 0)
            {
                var retry = new HttpRetryStrategyOptions
                {
                    MaxRetryAttempts = options.MaxRetries,
                    Delay = options.RetryDelay,
                    MaxDelay = AirflowOptions.MaxRetryDelay,
                    BackoffType = DelayBackoffType.Exponential,
                    UseJitter = true,

                    // Airflow's own Retry-After is for clients; within one call the configured backoff decides.
                    ShouldRetryAfterHeader = false,
                    ShouldHandle = static args => ValueTask.FromResult(IsTransient(args.Outcome)),
                    OnRetry = args =>
                    {
                        var request = args.Context.GetRequestMessage();
                        var path = request is not null && request.Options.TryGetValue(AirflowTokenHandler.LogPath, out var logPath) ? logPath : "?";
                        var (error, status) = Describe(args.Outcome);
                        AirflowLog.Retrying(logger, request?.Method.Method ?? "GET", path, args.AttemptNumber + 1, error, status, (long)args.RetryDelay.TotalMilliseconds);
                        return default;
                    },
                };

                // A retried POST could start a second run: only GET (and other safe methods) are repeated.
                retry.DisableForUnsafeHttpMethods();
                pipeline.AddRetry(retry);
            }

            pipeline.AddCircuitBreaker(new HttpCircuitBreakerStrategyOptions
            {
                FailureRatio = BreakerFailureRatio,
                MinimumThroughput = BreakerMinimumThroughput,
                SamplingDuration = BreakerSamplingDuration,
                BreakDuration = BreakerBreakDuration,
                ShouldHandle = static args => ValueTask.FromResult(IsTransient(args.Outcome)),
            });
            pipeline.AddTimeout(new HttpTimeoutStrategyOptions { Name = "attempt", Timeout = options.RequestTimeout });
        });
        return builder;
    }

    /// <summary>Failures worth repeating a GET for: no connection, no answer in time, or a gateway in front of Airflow failing.</summary>
    public static bool IsTransient(Outcome<HttpResponseMessage> outcome) => outcome switch
    {
        { Result: { } response } => IsTransientStatus((int)response.StatusCode),
        { Exception: AirflowLoginException login } => login.Failure.Error is AirflowError.Unreachable or AirflowError.Timeout
            || IsTransientStatus(login.Failure.StatusCode ?? 0),
        { Exception: HttpRequestException e } => e.HttpRequestError is not (HttpRequestError.InvalidResponse or HttpRequestError.ConfigurationLimitExceeded),
        { Exception: TimeoutRejectedException or IOException } => true,
        _ => false,
    };

    private static bool IsTransientStatus(int status) => status is (int)HttpStatusCode.BadGateway or (int)HttpStatusCode.ServiceUnavailable or (int)HttpStatusCode.GatewayTimeout;

    private static (AirflowError Error, int? Status) Describe(Outcome<HttpResponseMessage> outcome) => outcome switch
    {
        { Result: { } response } => (AirflowError.ServerError, (int)response.StatusCode),
        { Exception: AirflowLoginException login } => (login.Failure.Error, login.Failure.StatusCode),
        { Exception: TimeoutRejectedException } => (AirflowError.Timeout, null),
        { Exception: BrokenCircuitException } => (AirflowError.Unreachable, null),
        _ => (AirflowError.Unreachable, null),
    };
}
