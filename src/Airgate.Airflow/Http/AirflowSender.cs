using System.Net.Http.Headers;
using System.Text.Json;
using Airgate.Airflow.Http.Wire;
using Microsoft.Extensions.Logging;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace Airgate.Airflow.Http;

/// <summary>Sends one call to Airflow through the client's resilience pipeline and maps every outcome to a result.</summary>
internal sealed class AirflowSender
{
    private readonly HttpClient _http;
    private readonly AirflowOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly AirflowMetrics? _metrics;

    public AirflowSender(HttpClient http, AirflowOptions options, TimeProvider time, ILogger logger, AirflowMetrics? metrics = null)
    {
        _metrics = metrics;
        _http = http;
        _options = options;
        _time = time;
        _logger = logger;
    }

    /// <summary>Joins the base URL and a relative path without letting <see cref="Uri"/> un-escape or collapse anything in it.</summary>
    public static Uri ResolveUri(AirflowOptions options, string relative) =>
        new($"{BaseUrlOf(options).TrimEnd('/')}/{relative}", new UriCreationOptions { DangerousDisablePathAndQueryCanonicalization = true });

    // Over MWAA the URI only carries the Airflow path and query to the MWAA handler, which sends them in an envelope.
    private static string BaseUrlOf(AirflowOptions options) =>
        options.Transport == AirflowTransport.Mwaa ? Mwaa.MwaaOptions.AirflowPathCarrier : options.BaseUrl ?? string.Empty;

    public async Task<AirflowResult<T>> SendAsync<T>(HttpMethod method, AirflowRequestPath path, object? body, bool anonymous, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var call = new Call(method, ResolveUri(_options, path.PathAndQuery), "/" + path.Path, body is null ? null : JsonSerializer.SerializeToUtf8Bytes(body, body.GetType(), AirflowJson.Options), anonymous, path.Version);
        var started = _time.GetTimestamp();
        AttemptOutcome outcome;
        try
        {
            outcome = await SendThroughPipelineAsync(call, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            var elapsed = Elapsed(started);
            AirflowLog.Cancelled(_logger, method.Method, call.LogPath, elapsed);
            _metrics?.Record(method.Method, path.Template, "cancelled", _time.GetElapsedTime(started));
            throw;
        }

        if (outcome.Failure is { } failure)
        {
            var elapsed = Elapsed(started);
            AirflowLog.Failed(_logger, method.Method, call.LogPath, failure.Error, failure.StatusCode, elapsed);
            _metrics?.Record(method.Method, path.Template, failure.Error.ToString(), _time.GetElapsedTime(started));
            return failure;
        }

        try
        {
            if (JsonSerializer.Deserialize<T>(outcome.Body, AirflowJson.Options) is { } value and not IAirflowWire { IsComplete: false })
            {
                var elapsed = Elapsed(started);
                AirflowLog.Succeeded(_logger, method.Method, call.LogPath, outcome.Status ?? 0, elapsed);
                _metrics?.Record(method.Method, path.Template, "success", _time.GetElapsedTime(started));
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
        _metrics?.Record(method.Method, path.Template, nameof(AirflowError.InvalidResponse), _time.GetElapsedTime(started));
        return new AirflowFailure(AirflowError.InvalidResponse, outcome.Status, $"Airflow's answer to {method.Method} {call.LogPath} is not a valid {typeof(T).Name}.");
    }

    /// <summary>
    /// A GET whose successful answer is handed over open, its body unread, to be streamed (the headers came within the
    /// attempt timeout; the body is read at the caller's pace). Failures are mapped exactly as for other calls.
    /// </summary>
    public async Task<AirflowResult<HttpResponseMessage>> OpenStreamAsync(AirflowRequestPath path, string accept, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var call = new Call(HttpMethod.Get, ResolveUri(_options, path.PathAndQuery), "/" + path.Path, null, false, path.Version);
        var started = _time.GetTimestamp();
        using var request = new HttpRequestMessage(HttpMethod.Get, call.Uri);
        request.Options.Set(AirflowTokenHandler.Anonymous, false);
        request.Options.Set(AirflowTokenHandler.LogPath, call.LogPath);
        request.Options.Set(AirflowTokenHandler.ApiVersion, call.Version);
        request.Options.Set(AirflowBufferingHandler.Streamed, true);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(accept));
        AttemptOutcome outcome;
        HttpResponseMessage? response = null;
        try
        {
            response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            var status = (int)response.StatusCode;
            if (response.IsSuccessStatusCode)
            {
                var took = Elapsed(started);
                AirflowLog.Succeeded(_logger, "GET", call.LogPath, status, took);
                _metrics?.Record("GET", path.Template, "success", _time.GetElapsedTime(started));
                return response;
            }

            var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
            outcome = new AttemptOutcome(status, body, AirflowFailures.FromResponse(response, body, _time.GetUtcNow(), _options));
            response.Dispose();
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            response?.Dispose();
            throw;
        }
        catch (Exception e) when (e is TimeoutRejectedException or OperationCanceledException or BrokenCircuitException or AirflowLoginException or HttpRequestException or IOException)
        {
            response?.Dispose();
            outcome = e switch
            {
                TimeoutRejectedException timeout => Failed(AirflowError.Timeout, $"Airflow did not answer within {timeout.Timeout.TotalSeconds:0.###} s."),
                OperationCanceledException => Failed(AirflowError.Timeout, $"Airflow did not accept a connection within {_options.ConnectTimeout.TotalSeconds:0.###} s."),
                BrokenCircuitException => new AttemptOutcome(null, null, new AirflowFailure(
                    AirflowError.Unreachable, null, "Airflow failed repeatedly; Airgate pauses its calls for a few seconds.", AirflowResilience.BreakerBreakDuration)),
                AirflowLoginException login => new AttemptOutcome(login.Failure.StatusCode, null, login.Failure),
                _ => Failed(AirflowError.Unreachable, "Airflow could not be reached or broke the connection."),
            };
        }

        var failure = outcome.Failure ?? new AirflowFailure(AirflowError.InvalidResponse, outcome.Status, "Airflow gave no answer.");
        var elapsed = Elapsed(started);
        AirflowLog.Failed(_logger, "GET", call.LogPath, failure.Error, failure.StatusCode, elapsed);
        _metrics?.Record("GET", path.Template, failure.Error.ToString(), _time.GetElapsedTime(started));
        return failure;
    }

    /// <summary>
    /// One call through the client's resilience pipeline (<see cref="AirflowResilience"/>: timeouts, GET retries, circuit
    /// breaker); every exception it can end with becomes a failure value here.
    /// </summary>
    private async Task<AttemptOutcome> SendThroughPipelineAsync(Call call, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(call.Method, call.Uri);
        request.Options.Set(AirflowTokenHandler.Anonymous, call.Anonymous);
        request.Options.Set(AirflowTokenHandler.LogPath, call.LogPath);
        request.Options.Set(AirflowTokenHandler.ApiVersion, call.Version);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        if (call.Body is not null)
        {
            request.Content = new ByteArrayContent(call.Body);
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        }

        try
        {
            // The body is already buffered inside the pipeline (AirflowBufferingHandler), under the attempt's timeout.
            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
            var status = (int)response.StatusCode;
            return new AttemptOutcome(status, body, AirflowFailures.FromResponse(response, body, _time.GetUtcNow(), _options));
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (TimeoutRejectedException e)
        {
            return Failed(AirflowError.Timeout, $"Airflow did not answer within {e.Timeout.TotalSeconds:0.###} s.");
        }
        catch (OperationCanceledException)
        {
            // The connect timeout.
            return Failed(AirflowError.Timeout, $"Airflow did not accept a connection within {_options.ConnectTimeout.TotalSeconds:0.###} s.");
        }
        catch (BrokenCircuitException)
        {
            AirflowLog.CircuitOpen(_logger, call.Method.Method, call.LogPath);
            return new AttemptOutcome(null, null, new AirflowFailure(
                AirflowError.Unreachable, null, "Airflow failed repeatedly; Airgate pauses its calls for a few seconds.", AirflowResilience.BreakerBreakDuration));
        }
        catch (AirflowLoginException e)
        {
            return new AttemptOutcome(e.Failure.StatusCode, null, e.Failure);
        }
        catch (HttpRequestException e) when (e.HttpRequestError is HttpRequestError.InvalidResponse or HttpRequestError.ConfigurationLimitExceeded)
        {
            AirflowLog.Unreachable(_logger, call.Method.Method, call.LogPath, e.HttpRequestError);
            return Failed(AirflowError.InvalidResponse, "Airflow answered something that is not valid HTTP.");
        }
        catch (HttpRequestException e)
        {
            AirflowLog.Unreachable(_logger, call.Method.Method, call.LogPath, e.HttpRequestError);
            return Failed(AirflowError.Unreachable, $"Airflow could not be reached ({Describe(e.HttpRequestError)}).");
        }
        catch (IOException)
        {
            AirflowLog.Unreachable(_logger, call.Method.Method, call.LogPath, HttpRequestError.ResponseEnded);
            return Failed(AirflowError.Unreachable, "The connection to Airflow broke before the answer was complete.");
        }
    }

    private static AttemptOutcome Failed(AirflowError error, string detail) => new(null, null, new AirflowFailure(error, null, detail));

    private long Elapsed(long started) => (long)_time.GetElapsedTime(started).TotalMilliseconds;

    private static string Describe(HttpRequestError error) => error switch
    {
        HttpRequestError.NameResolutionError => "its host name did not resolve",
        HttpRequestError.ConnectionError => "the connection was refused or reset",
        HttpRequestError.SecureConnectionError => "TLS failed",
        HttpRequestError.ResponseEnded => "the connection closed before the answer ended",
        _ => "the request failed",
    };

    /// <summary>
    /// A GET of <paramref name="root"/> followed by literal and id segments; every named id is checked first, so a bad one
    /// is refused here (<see cref="AirflowError.Rejected"/>) and never sent.
    /// </summary>
    public Task<AirflowResult<T>> GetByIdsAsync<T>(AirflowRequestPath root, CancellationToken cancellationToken, params (string Literal, string? Name, string? Id)[] segments)
    {
        foreach (var (_, name, id) in segments)
        {
            if (name is not null && AirflowRequestPath.CheckId(name, id) is { } problem)
            {
                return Task.FromResult(Reject<T>(HttpMethod.Get, root, problem));
            }
        }

        foreach (var (literal, _, id) in segments)
        {
            root.Literal(literal);
            if (id is not null)
            {
                root.Id(id);
            }
        }

        return SendAsync<T>(HttpMethod.Get, root, body: null, anonymous: false, cancellationToken);
    }

    /// <summary>A request refused before sending (a bad id or value): logged, and answered as <see cref="AirflowError.Rejected"/>.</summary>
    public AirflowResult<T> Reject<T>(HttpMethod method, AirflowRequestPath path, string problem)
    {
        AirflowLog.RejectedLocally(_logger, method.Method, path.Path, problem);
        return new AirflowFailure(AirflowError.Rejected, null, problem);
    }

    private sealed record Call(HttpMethod Method, Uri Uri, string LogPath, byte[]? Body, bool Anonymous, AirflowApiVersion Version);
}
