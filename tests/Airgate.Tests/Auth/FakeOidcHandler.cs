using System.Net;
using System.Text;
using System.Text.Json.Nodes;

namespace Airgate.Auth.Tests;

/// <summary>Stands in for an OpenID provider: a discovery document at the issuer URL and the JWKS it names.</summary>
internal sealed class FakeOidcHandler(string issuerUrl, string jwks) : HttpMessageHandler
{
    private readonly string _issuer = issuerUrl;

    public const string JwksPath = "/protocol/openid-connect/certs";

    public string Jwks { get; set; } = jwks;

    /// <summary>The issuer the discovery document claims (normally the one it is served from).</summary>
    public string DocumentIssuer { get; set; } = issuerUrl;

    public List<string> Paths { get; } = [];

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var url = request.RequestUri?.ToString() ?? string.Empty;
        lock (Paths)
        {
            Paths.Add(request.RequestUri?.AbsolutePath ?? string.Empty);
        }

        var body = url == _issuer + "/.well-known/openid-configuration"
            ? new JsonObject { ["issuer"] = DocumentIssuer, ["jwks_uri"] = _issuer + JwksPath }.ToJsonString()
            : url == _issuer + JwksPath ? Jwks : null;
        return Task.FromResult(body is null
            ? new HttpResponseMessage(HttpStatusCode.NotFound)
            : new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(body, Encoding.UTF8, "application/json") });
    }
}
