namespace Airgate.Telemetry;

/// <summary>Counts trigger requests by outcome from the answer's status, so the run endpoints carry no metrics code.</summary>
internal sealed class TriggerMetricsMiddleware(RequestDelegate next, AirgateMetrics metrics)
{
    public const string TriggerEndpointName = "TriggerRun";

    public async Task InvokeAsync(HttpContext context)
    {
        await next(context);
        if (context.GetEndpoint()?.Metadata.GetMetadata<IEndpointNameMetadata>()?.EndpointName == TriggerEndpointName)
        {
            metrics.TriggerAnswered(context.Response.StatusCode);
        }
    }
}
