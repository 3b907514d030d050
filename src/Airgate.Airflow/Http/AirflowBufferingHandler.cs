namespace Airgate.Airflow.Http;

/// <summary>
/// Reads each answer's body inside the resilience pipeline, so the per-attempt timeout covers the body as well as the
/// headers, and a body cut off half-way is a failed attempt (retried for a GET) rather than a failure after the pipeline.
/// </summary>
internal sealed class AirflowBufferingHandler : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken);
        try
        {
            await response.Content.LoadIntoBufferAsync(cancellationToken);
            return response;
        }
        catch
        {
            response.Dispose();
            throw;
        }
    }
}
