namespace Airgate.Airflow.Http;

/// <summary>
/// Reads each answer's body inside the resilience pipeline, so the per-attempt timeout covers the body as well as the
/// headers, and a body cut off half-way is a failed attempt (retried for a GET) rather than a failure after the pipeline.
/// </summary>
internal sealed class AirflowBufferingHandler : DelegatingHandler
{
    /// <summary>Set on a request whose successful answer is streamed to the caller (a task log): not buffered here.</summary>
    public static readonly HttpRequestOptionsKey<bool> Streamed = new("Airgate.Airflow.Streamed");

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken);
        if (response.IsSuccessStatusCode && request.Options.TryGetValue(Streamed, out var streamed) && streamed)
        {
            return response;
        }

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
