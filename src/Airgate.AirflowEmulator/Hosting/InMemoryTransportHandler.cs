using System.Net;
using System.Text;

namespace Airgate.AirflowEmulator.Hosting;

/// <summary>
/// The in-memory transport's edges made to look like a socket's: a dropped connection surfaces as an
/// <see cref="HttpRequestException"/>, and a path the transport cannot decode (<c>%00</c>) gets the 404 an
/// unknown resource gets, where TestServer would throw an <see cref="InvalidOperationException"/> at the caller.
/// A URI built with <c>DangerousDisablePathAndQueryCanonicalization</c> (a client keeping its escaping exact) is
/// re-parsed first, since TestServer cannot read its path; its text, as a socket would carry it, is unchanged.
/// </summary>
internal sealed class InMemoryTransportHandler(HttpMessageHandler inner) : DelegatingHandler(inner)
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        request.RequestUri = Readable(request.RequestUri);
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

    private static Uri? Readable(Uri? uri)
    {
        if (uri is null || !uri.IsAbsoluteUri)
        {
            return uri;
        }

        try
        {
            _ = uri.GetComponents(UriComponents.Path, UriFormat.UriEscaped);
            return uri;
        }
        catch (InvalidOperationException)
        {
            return new Uri(uri.OriginalString, UriKind.Absolute);
        }
    }
}
