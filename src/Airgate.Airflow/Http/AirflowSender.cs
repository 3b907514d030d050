using System.Net.Http.Headers;
using System.Text.Json;
using Airgate.Airflow.Http.Wire;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;

namespace Airgate.Airflow.Http;

/// <summary>Sends one call to Airflow: per-attempt and total timeouts, GET-only retries, every outcome mapped to a result.</summary>
internal sealed class AirflowSender
{
    private static readonly ResiliencePropertyKey<string> PathKey = new("Airgate.Airflow.Path");

    private readonly HttpClient _http;
    private readonly AirflowOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly ResiliencePipeline<AttemptOutcome> _retrying;

    public AirflowSender(HttpClient http, AirflowOptions options, TimeProvider time, ILogger logger)
    {
        _http = http;
        _options = options;
        _time = time;
        _logger = logger;
        _retrying = BuildRetryPipeline();
    }

    /// <summary>Joins the base URL and a relative path without letting <see cref="Uri"/> un-escape or collapse anything in it.</summary>
    public static Uri ResolveUri(AirflowOptions options, string relative) =>
        new($"{options.BaseUrl?.TrimEnd('/')}/{relative}", new UriCreationOptions { DangerousDisablePathAndQueryCanonicalization = true });

    public async Task<AirflowResult<T>> SendAsync<T>(HttpMethod method, AirflowRequestPath path, object? body, bool anonymous, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var call = new Call(method, ResolveUri(_options, path.PathAndQuery), "/" + path.Path, body is null ? null : JsonSerializer.SerializeToUtf8Bytes(body, body.GetType(), AirflowJson.Options), anonymous);
        var started = _time.GetTimestamp();
        using var totalTimeout = new CancellationTokenSource(_options.EffectiveTotalTimeout, _time);
        using var total = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, totalTimeout.Token);
        AttemptOutcome outcome;
        try
        {
            // Only GET is safe to repeat: a retried POST could trigger a second run.
            outcome = method == HttpMethod.Get
                ? await RetryAsync(call, total.Token, cancellationToken)
                : await AttemptAsync(call, total.Token, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            var elapsed = Elapsed(started);
            AirflowLog.Cancelled(_logger, method.Method, call.LogPath, elapsed);
            throw;
        }
        catch (OperationCanceledException)
        {
            outcome = new AttemptOutcome(null, null, new AirflowFailure(AirflowError.Timeout, null, $"Airflow did not answer within {_options.EffectiveTotalTimeout.TotalSeconds:0.###} s."));
        }

        if (outcome.Failure is { } failure)
        {
            var elapsed = Elapsed(started);
            AirflowLog.Failed(_logger, method.Method, call.LogPath, failure.Error, failure.StatusCode, elapsed);
            return failure;
        }

        try
        {
            if (JsonSerializer.Deserialize<T>(outcome.Body, AirflowJson.Options) is { } value and not IAirflowWire { IsComplete: false })
            {
                var elapsed = Elapsed(started);
                AirflowLog.Succeeded(_logger, method.Method, call.LogPath, outcome.Status ?? 0, elapsed);
                return value;
            }
        }
        catch (JsonException)
        {
            // Answered below: the body is not what the spec promises.
        }
        catch (NotSupportedException)
        {
            // Same: a shape System.Text.Json cannot map.
        }

        AirflowLog.Unreadable(_logger, method.Method, call.LogPath, outcome.Status ?? 0, typeof(T).Name);
        return new AirflowFailure(AirflowError.InvalidResponse, outcome.Status, $"Airflow's answer to {method.Method} {call.LogPath} is not a valid {typeof(T).Name}.");
    }

    private async ValueTask<AttemptOutcome> RetryAsync(Call call, CancellationToken token, CancellationToken callerToken)
    {
        var context = ResilienceContextPool.Shared.Get(token);
        context.Properties.Set(PathKey, call.LogPath);
        try
        {
            return await _retrying.ExecuteAsync(
                static (context, state) => state.Client.AttemptAsync(state.Call, context.CancellationToken, state.Caller),
                context,
                (Client: this, Call: call, Caller: callerToken));
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    private async ValueTask<AttemptOutcome> AttemptAsync(Call call, CancellationToken token, CancellationToken callerToken)
    {
        using var attemptTimeout = new CancellationTokenSource(_options.RequestTimeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(token, attemptTimeout.Token);
        using var request = new HttpRequestMessage(call.Method, call.Uri);
        request.Options.Set(AirflowTokenHandler.Anonymous, call.Anonymous);
        request.Options.Set(AirflowTokenHandler.LogPath, call.LogPath);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        if (call.Body is not null)
        {
            request.Content = new ByteArrayContent(call.Body);
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        }

        try
        {
            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, linked.Token);
            var body = await response.Content.ReadAsByteArrayAsync(linked.Token);
            var status = (int)response.StatusCode;
            return new AttemptOutcome(status, body, AirflowFailures.FromStatus(status, body, response.Headers.RetryAfter, _time.GetUtcNow()));
        }
        catch (OperationCanceledException) when (callerToken.IsCancellationRequested || token.IsCancellationRequested)
        {
            // The caller gave up, or the whole call ran out of time: SendAsync answers both.
            throw;
        }
        catch (OperationCanceledException)
        {
            // This attempt's timeout, or the connect timeout.
            return new AttemptOutcome(null, null, new AirflowFailure(AirflowError.Timeout, null, $"Airflow did not answer within {_options.RequestTimeout.TotalSeconds:0.###} s."));
        }
        catch (AirflowLoginException e)
        {
            return new AttemptOutcome(e.Failure.StatusCode, null, e.Failure);
        }
        catch (HttpRequestException e) when (e.HttpRequestError is HttpRequestError.InvalidResponse or HttpRequestError.ConfigurationLimitExceeded)
        {
            AirflowLog.Unreachable(_logger, call.Method.Method, call.LogPath, e.HttpRequestError);
            return new AttemptOutcome(null, null, new AirflowFailure(AirflowError.InvalidResponse, null, "Airflow answered something that is not valid HTTP."));
        }
        catch (HttpRequestException e)
        {
            AirflowLog.Unreachable(_logger, call.Method.Method, call.LogPath, e.HttpRequestError);
            return new AttemptOutcome(null, null, new AirflowFailure(AirflowError.Unreachable, null, $"Airflow could not be reached ({Describe(e.HttpRequestError)})."));
        }
        catch (IOException)
        {
            AirflowLog.Unreachable(_logger, call.Method.Method, call.LogPath, HttpRequestError.ResponseEnded);
            return new AttemptOutcome(null, null, new AirflowFailure(AirflowError.Unreachable, null, "The connection to Airflow broke before the answer was complete."));
        }
    }

    private ResiliencePipeline<AttemptOutcome> BuildRetryPipeline()
    {
        var builder = new ResiliencePipelineBuilder<AttemptOutcome> { TimeProvider = _time };
        if (_options.MaxRetries > 0)
        {
            builder.AddRetry(new RetryStrategyOptions<AttemptOutcome>
            {
                MaxRetryAttempts = _options.MaxRetries,
                Delay = _options.RetryDelay,
                MaxDelay = AirflowOptions.MaxRetryDelay,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                ShouldHandle = args => ValueTask.FromResult(args.Outcome.Result is { IsTransient: true }),
                OnRetry = args =>
                {
                    var failure = args.Outcome.Result?.Failure;
                    var path = args.Context.Properties.GetValue(PathKey, "?");
                    AirflowLog.Retrying(_logger, "GET", path, args.AttemptNumber + 1, failure?.Error ?? AirflowError.Unreachable, failure?.StatusCode, (long)args.RetryDelay.TotalMilliseconds);
                    return default;
                },
            });
        }

        return builder.Build();
    }

    private long Elapsed(long started) => (long)_time.GetElapsedTime(started).TotalMilliseconds;

    private static string Describe(HttpRequestError error) => error switch
    {
        HttpRequestError.NameResolutionError => "its host name did not resolve",
        HttpRequestError.ConnectionError => "the connection was refused or reset",
        HttpRequestError.SecureConnectionError => "TLS failed",
        HttpRequestError.ResponseEnded => "the connection closed before the answer ended",
        _ => "the request failed",
    };

    private sealed record Call(HttpMethod Method, Uri Uri, string LogPath, byte[]? Body, bool Anonymous);
}
