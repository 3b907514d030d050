using System.Net;
using System.Text;

namespace Airgate.AirflowEmulator.Hosting;

/// <summary>
/// The in-memory transport's edges made to look like a socket's: a dropped connection surfaces as an
/// <see cref="HttpRequestException"/>, and a path the transport cannot decode (<c>%00</c>) gets the 404 an
/// unknown resource gets, where TestServer would throw an <see cref="InvalidOperationException"/> at the caller.
/// </summary>
internal sealed class InMemoryTransportHandler(HttpMessageHandler inner) : DelegatingHandler(inner)
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.RequestUri is { } uri && uri.AbsolutePath.Contains("%00", StringComparison.Ordinal))
        {
            return new HttpResponseMessage(HttpStatusCode.NotFound)
            {
                RequestMessage = request,
                Content = new StringContent("""{"detail":"Not Found"}""", Encoding.UTF8, "application/json"),
            };
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
