namespace Airgate.AirflowEmulator.Hosting;

/// <summary>The in-memory host's side of a dropped connection: the client sees what a real socket reset gives.</summary>
internal sealed class LostAnswerHandler(HttpMessageHandler inner) : DelegatingHandler(inner)
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken);
        if (response.Headers.Contains(FaultMiddleware.DropMarker))
        {
            response.Dispose();
            throw new HttpRequestException(
                HttpRequestError.ResponseEnded,
                "The response ended prematurely (the Airflow emulator dropped the connection).",
                new IOException("The connection was reset by the Airflow emulator after processing the request."));
        }

        return response;
    }
}
