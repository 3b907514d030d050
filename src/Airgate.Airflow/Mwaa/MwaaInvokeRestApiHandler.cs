using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Airgate.Airflow.Aws;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Airgate.Airflow.Mwaa;

/// <summary>
/// The MWAA transport's one seam: turns each Airflow request the client sends (<c>{method} /api/vN/{path}?{query}</c>,
/// JSON body) into a SigV4-signed <c>POST {endpoint}/restapi/{Environment}</c> envelope, and MWAA's answer back into
/// Airflow's own status and body, so the retries, timeouts, breaker, metrics and failure mapping above it are the
/// HTTP transport's. MWAA's own errors keep their status and <c>x-amzn-errortype</c> (throttling as 503, an internal
/// error as 502, so reads are retried); <see cref="MwaaErrors"/> names them. A task log asked for as a stream
/// (<c>application/x-ndjson</c> or <c>text/plain</c>), which MWAA cannot carry, is built from its JSON chunks.
/// </summary>
internal sealed partial class MwaaInvokeRestApiHandler(IOptions<AirflowOptions> options, AwsCredentialChain credentials, TimeProvider time, ILogger<MwaaInvokeRestApiHandler> logger)
    : DelegatingHandler
{
    private readonly MwaaOptions _mwaa = options.Value.Mwaa;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var uri = request.RequestUri ?? throw new InvalidOperationException("An Airflow request without a URI.");
        var body = request.Content is null ? [] : await request.Content.ReadAsByteArrayAsync(cancellationToken);
        if (request.Method == HttpMethod.Get && WantsStream(request) && MwaaEnvelope.AirflowPath(uri).Contains("/logs/", StringComparison.Ordinal))
        {
            return await OpenLogAsync(request, uri, cancellationToken);
        }

        return await InvokeAsync(request, request.Method.Method, MwaaEnvelope.AirflowPath(uri), MwaaEnvelope.QueryParameters(uri), body, cancellationToken);
    }

    /// <summary>One <c>InvokeRestApi</c> call, answered as Airflow would have answered (or with MWAA's own error).</summary>
    internal async Task<HttpResponseMessage> InvokeAsync(HttpRequestMessage original, string method, string path, System.Text.Json.Nodes.JsonObject? query, byte[] body, CancellationToken cancellationToken)
    {
        var region = AwsCredentialChain.ResolveRegion(_mwaa.Region);
        if (region is null)
        {
            return Refusal(original, MwaaErrors.RegionNotFound);
        }

        var current = await credentials.GetCredentialsAsync();
        if (current is null)
        {
            LogNoCredentials(logger);
            return Refusal(original, MwaaErrors.CredentialsNotFound);
        }

        var endpoint = (_mwaa.Endpoint ?? MwaaOptions.DefaultEndpoint(region)).TrimEnd('/');
        var envelope = MwaaEnvelope.Request(method, path, query, body);
        using var call = new HttpRequestMessage(HttpMethod.Post, new Uri($"{endpoint}/restapi/{_mwaa.Environment}"));
        foreach (var option in original.Options)
        {
            ((IDictionary<string, object?>)call.Options)[option.Key] = option.Value;
        }

        call.Content = new ByteArrayContent(envelope);
        call.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        call.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        SigV4RequestSigner.Sign(call, envelope, current, region, MwaaOptions.SigningService, time.GetUtcNow());

        using var response = await base.SendAsync(call, cancellationToken);
        var answer = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        var errorType = MwaaEnvelope.ErrorType(response, answer);
        if (response.StatusCode == HttpStatusCode.OK
            || (response.StatusCode == HttpStatusCode.BadRequest && errorType is MwaaEnvelope.RestApiClientException or MwaaEnvelope.RestApiServerException))
        {
            if (MwaaEnvelope.Unwrap(answer, original) is { } airflow)
            {
                return airflow;
            }

            // Not an envelope: hand up a body the client cannot read, which it reports as an invalid answer.
            return Answer(original, HttpStatusCode.OK, answer, null);
        }

        if (errorType is null)
        {
            // No AWS error type: a proxy's or load balancer's answer, mapped like any HTTP answer.
            return Answer(original, response.StatusCode, answer, response.Headers.RetryAfter);
        }

        LogAwsError(logger, method, path, errorType, (int)response.StatusCode, LogText(MwaaEnvelope.ErrorMessage(answer)));
        var handedUp = Answer(original, (HttpStatusCode)MwaaErrors.StatusFor(errorType, (int)response.StatusCode), answer, response.Headers.RetryAfter);
        handedUp.Headers.TryAddWithoutValidation(MwaaEnvelope.ErrorTypeHeader, errorType);
        return handedUp;
    }

    private async Task<HttpResponseMessage> OpenLogAsync(HttpRequestMessage request, Uri uri, CancellationToken cancellationToken)
    {
        var path = MwaaEnvelope.AirflowPath(uri);
        var first = await InvokeAsync(request, "GET", path, MwaaEnvelope.QueryParameters(uri), [], cancellationToken);
        if (!first.IsSuccessStatusCode)
        {
            return first;
        }

        var page = await first.Content.ReadAsByteArrayAsync(cancellationToken);
        first.Dispose();
        return new HttpResponseMessage(HttpStatusCode.OK)
        {
            RequestMessage = request,
            Content = new MwaaLogContent(page, (token, ct) => NextLogPageAsync(request, uri, token, ct), logger),
        };
    }

    private async Task<byte[]?> NextLogPageAsync(HttpRequestMessage request, Uri uri, string token, CancellationToken cancellationToken)
    {
        using var next = await InvokeAsync(request, "GET", MwaaEnvelope.AirflowPath(uri), MwaaEnvelope.QueryParameters(uri, [new("token", token)]), [], cancellationToken);
        return next.IsSuccessStatusCode ? await next.Content.ReadAsByteArrayAsync(cancellationToken) : null;
    }

    private static bool WantsStream(HttpRequestMessage request) =>
        request.Headers.Accept.Count > 0 && request.Headers.Accept.All(a => a.MediaType is "application/x-ndjson" or "text/plain");

    private static HttpResponseMessage Refusal(HttpRequestMessage request, string errorType)
    {
        var response = Answer(request, HttpStatusCode.Unauthorized, Encoding.UTF8.GetBytes($"{{\"__type\":\"{errorType}\"}}"), null);
        response.Headers.TryAddWithoutValidation(MwaaEnvelope.ErrorTypeHeader, errorType);
        return response;
    }

    private static HttpResponseMessage Answer(HttpRequestMessage request, HttpStatusCode status, byte[] body, RetryConditionHeaderValue? retryAfter)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        var response = new HttpResponseMessage(status) { Content = content, RequestMessage = request };
        response.Headers.RetryAfter = retryAfter;
        return response;
    }

    // AWS's message is outside text: quoted, so no line of it can pass for a log line of ours.
    private static string LogText(string? message) => message is null ? "(none)" : System.Text.Json.JsonSerializer.Serialize(message.Length > 500 ? message[..500] : message);

    [LoggerMessage(EventId = 40, Level = LogLevel.Warning, Message = "Amazon MWAA refused {Method} {Path}: {ErrorType} (status {Status}), message {AwsMessage}")]
    private static partial void LogAwsError(ILogger logger, string method, string path, string errorType, int status, string awsMessage);

    [LoggerMessage(EventId = 41, Level = LogLevel.Error, Message = "No AWS credentials found in the default chain (environment, profile, web identity, container, instance role): Airflow calls over MWAA are refused")]
    private static partial void LogNoCredentials(ILogger logger);
}
