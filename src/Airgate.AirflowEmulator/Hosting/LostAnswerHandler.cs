namespace Airgate.AirflowEmulator.Hosting;

/// <summary>The in-memory host's side of a dropped connection: the client sees what a real socket reset gives.</summary>
internal sealed class LostAnswerHandler(HttpMessageHandler inner) : DelegatingHandler(inner)
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        // TestServer reads the path with Uri.GetComponents, which throws on URIs created without canonicalization
        // (as Airgate's client makes them, to keep %2F intact); an ordinary Uri of the same text keeps the escapes too.
        if (request.RequestUri is { IsAbsoluteUri: true } uri)
        {
            request.RequestUri = new Uri(uri.OriginalString);
        }

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
