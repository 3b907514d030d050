using System.Net;
using System.Text;

namespace Airgate.Auth.Tests;

/// <summary>Stands in for the identity provider's JWKS endpoint and counts how often it is fetched.</summary>
internal sealed class FakeJwksHandler(string jwks) : HttpMessageHandler
{
    private int _fetches;

    public string Jwks { get; set; } = jwks;

    public HttpStatusCode Status { get; set; } = HttpStatusCode.OK;

    public int Fetches => Volatile.Read(ref _fetches);

    public List<Uri?> Requests { get; } = [];

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _fetches);
        lock (Requests)
        {
            Requests.Add(request.RequestUri);
        }

        return Task.FromResult(new HttpResponseMessage(Status) { Content = new StringContent(Jwks, Encoding.UTF8, "application/json") });
    }

    // The HTTP client factory disposes handlers it rotates out; disposing holds nothing this fake needs, so it keeps answering.
    protected override void Dispose(bool disposing) => base.Dispose(disposing);
}
