using System.Collections.Concurrent;
using Microsoft.AspNetCore.Http.Features;

namespace Airgate.AirflowEmulator.Hosting;

/// <summary>Keeps every request as it arrived, before any fault or route sees it, so tests can count what Airflow received.</summary>
internal sealed class RequestRecorder(TimeProvider time)
{
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();

    public IReadOnlyList<RecordedRequest> All => [.. _requests];

    public void Clear() => _requests.Clear();

    public async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        // The control API is not Airflow: counting its calls would skew what a test or benchmark measures.
        if (context.Request.Path.StartsWithSegments(Control.ControlEndpoints.Prefix, StringComparison.Ordinal))
        {
            await next(context);
            return;
        }

        context.Request.EnableBuffering();
        using var reader = new StreamReader(context.Request.Body, leaveOpen: true);
        // Over /api/v1 the body was rewritten for the shared /api/v2 endpoints: record the one the client sent.
        var body = context.Items[V1.V1Layer.OriginalBodyItem] as string ?? await reader.ReadToEndAsync(context.RequestAborted);
        context.Request.Body.Position = 0;
        // Routing ran first, so the operation is known even when a fault answers instead of the endpoint.
        var operation = context.GetEndpoint()?.Metadata.GetMetadata<IEndpointNameMetadata>()?.EndpointName;
        _requests.Enqueue(new RecordedRequest(context.Request.Method, RawTarget(context), body, time.GetUtcNow(), operation));
        await next(context);
    }

    public static string RawTarget(HttpContext context) =>
        context.Features.Get<IHttpRequestFeature>()?.RawTarget is { Length: > 0 } raw
            ? raw
            : context.Request.Path.ToUriComponent() + context.Request.QueryString.ToUriComponent();
}
