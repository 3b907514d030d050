namespace Airgate.AirflowEmulator.Tests.Support;

/// <summary>Checks every response that matches an operation of the Airflow 3.2.1 spec and fails the call when it does not conform.</summary>
internal sealed class SpecCheckingHandler(HttpMessageHandler inner) : DelegatingHandler(inner)
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken);
        await response.Content.LoadIntoBufferAsync(cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        var problems = SpecCheck.Problems(request.Method.Method, request.RequestUri?.PathAndQuery ?? "/", (int)response.StatusCode, body, response.Content.Headers.ContentType?.MediaType);
        if (problems.Count > 0)
        {
            throw new ShouldAssertException(
                $"{request.Method} {request.RequestUri?.PathAndQuery} answered {(int)response.StatusCode} outside the Airflow 3.2.1 spec:\n  "
                + string.Join("\n  ", problems) + $"\nBody: {body}");
        }

        return response;
    }
}
