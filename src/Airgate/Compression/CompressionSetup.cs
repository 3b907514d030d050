using System.IO.Compression;
using Microsoft.AspNetCore.ResponseCompression;

namespace Airgate.Compression;

/// <summary>
/// Compresses answers a client accepts compressed (<c>Accept-Encoding: br</c> or <c>gzip</c>; Brotli first): JSON and
/// problems, and the launchpad's page, script and styles. Never Server-Sent Events or streamed logs: those are not in
/// the list of types (a compressor holds bytes back until its block fills, which would hold events back), and their
/// writers turn buffering off, which also turns compression off for that answer.
/// </summary>
internal static class CompressionSetup
{
    /// <summary>
    /// The compressed types. Not <c>text/event-stream</c> (run, listing and log events), not <c>text/plain</c> (streamed
    /// logs, flushed line by line; <c>/metrics</c>), so ASP.NET Core's own defaults, which include <c>text/plain</c>, are
    /// not used.
    /// </summary>
    internal static readonly string[] MimeTypes =
    [
        "application/json",
        "application/problem+json",
        "text/html",
        "text/javascript",
        "application/javascript",
        "text/css",
        "image/svg+xml",
    ];

    public static WebApplicationBuilder AddCompression(this WebApplicationBuilder builder)
    {
        builder.Services.AddResponseCompression(options =>
        {
            // BREACH (guessing a secret from the sizes of compressed answers) needs three things at once: a secret in
            // the answer, attacker-chosen text reflected beside it, and the victim's browser sending requests the
            // attacker chose with the victim's credentials. Airgate's credentials are headers a page sets (a bearer
            // token, an API key, Development's user header), never cookies, so another site cannot make a browser send
            // them; and no answer carries a secret (config check masks them, problems name no credential). So HTTPS
            // answers are compressed too, as plain HTTP ones behind a TLS-terminating proxy always were.
            options.EnableForHttps = true;
            options.Providers.Add<BrotliCompressionProvider>();
            options.Providers.Add<GzipCompressionProvider>();
            options.MimeTypes = MimeTypes;
        });
        // Optimal: Brotli quality 4 and gzip level 6 cost little CPU for a JSON page, and the page's script, cached for
        // a year, is compressed once per client.
        builder.Services.Configure<BrotliCompressionProviderOptions>(options => options.Level = CompressionLevel.Optimal);
        builder.Services.Configure<GzipCompressionProviderOptions>(options => options.Level = CompressionLevel.Optimal);
        return builder;
    }
}
