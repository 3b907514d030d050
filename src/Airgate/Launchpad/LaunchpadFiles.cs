using Microsoft.Extensions.FileProviders;
using Microsoft.Net.Http.Headers;

namespace Airgate.Launchpad;

/// <summary>
/// Serves the built page: files under <c>assets/</c> carry a content hash in their names, so they are cached for a
/// year (<c>immutable</c>); everything else, <c>index.html</c> first, is revalidated on every load (<c>no-cache</c>)
/// so a new build shows at once. Any other GET that no endpoint answered and that is not under an API prefix gets
/// <c>index.html</c> (the page routes in the browser), so API 404s stay problem answers.
/// </summary>
internal static class LaunchpadFiles
{
    private const string Immutable = "public, max-age=31536000, immutable";
    private const string Revalidate = "no-cache";

    // The page loads only its own files and talks only to this origin: it must work offline, and nothing it shows
    // can pull in another host's script. 'unsafe-eval': Ajv compiles each pipeline's schema into a function.
    private const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self' 'unsafe-eval'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; " +
        "font-src 'self'; object-src 'none'; base-uri 'self'; frame-ancestors 'none'; form-action 'self'";

    private static readonly string[] ReservedPrefixes = ["/api", "/openapi", "/docs", "/health", "/metrics"];

    public static void Use(WebApplication app, string root)
    {
        var index = Path.Combine(root, "index.html");
        if (File.Exists(index))
        {
            var files = new PhysicalFileProvider(root);
            app.Use((context, next) =>
            {
                PrecompressedFiles.Select(context, files);
                return next(context);
            });
            app.UseStaticFiles(new StaticFileOptions
            {
                FileProvider = files,
                ContentTypeProvider = PrecompressedFiles.ContentTypes(),
                OnPrepareResponse = context => SetHeaders(context.Context.Response, PrecompressedFiles.Prepare(context.Context)),
            });
            app.Use((context, next) => IsPageRoute(context)
                ? SendIndexAsync(context, files.GetFileInfo("index.html"))
                : next(context));
        }
        else
        {
            app.Use((context, next) => IsPageRoute(context) ? NotBuiltAsync(context, root) : next(context));
        }
    }

    /// <summary>A GET no endpoint answered, outside the API's prefixes, whose last segment is not a file name.</summary>
    internal static bool IsPageRoute(HttpContext context)
    {
        if (context.GetEndpoint() is not null || !(HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method)))
        {
            return false;
        }

        var path = context.Request.Path.Value ?? "/";
        foreach (var prefix in ReservedPrefixes)
        {
            if (path.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)
                && (path.Length == prefix.Length || path[prefix.Length] == '/' || path[prefix.Length] == '.'))
            {
                return false;
            }
        }

        // A missing /assets/x.js or /favicon.ico is a plain 404, not the page.
        return !Path.GetFileName(path).Contains('.', StringComparison.Ordinal);
    }

    private static void SetHeaders(HttpResponse response, PathString path)
    {
        response.Headers.CacheControl = path.StartsWithSegments("/assets", StringComparison.Ordinal) ? Immutable : Revalidate;
        response.Headers.XContentTypeOptions = "nosniff";
        response.Headers.ContentSecurityPolicy = ContentSecurityPolicy;
        // Run and workflow ids sit in the page's URLs: no other site learns them from a link followed off the page.
        response.Headers["Referrer-Policy"] = "no-referrer";
    }

    private static async Task SendIndexAsync(HttpContext context, IFileInfo index)
    {
        SetHeaders(context.Response, context.Request.Path);
        context.Response.ContentType = "text/html; charset=utf-8";
        context.Response.ContentLength = index.Length;
        if (HttpMethods.IsHead(context.Request.Method))
        {
            return;
        }

        await context.Response.SendFileAsync(index, context.RequestAborted);
    }

    private static Task NotBuiltAsync(HttpContext context, string root)
    {
        context.Response.StatusCode = StatusCodes.Status404NotFound;
        context.Response.ContentType = "text/html; charset=utf-8";
        context.Response.Headers.CacheControl = Revalidate;
        context.Response.Headers[HeaderNames.XContentTypeOptions] = "nosniff";
        // The folder is the server's own setting, never request text; still encoded, it is HTML.
        var folder = System.Net.WebUtility.HtmlEncode(root);
        return context.Response.WriteAsync($$"""
            <!doctype html>
            <html lang="en"><head><meta charset="utf-8"><title>Airgate: the launchpad is not built</title></head>
            <body style="font-family: sans-serif; max-width: 44rem; margin: 3rem auto; line-height: 1.5">
            <h1>The launchpad page is not built</h1>
            <p>Airgate serves its web page from <code>{{folder}}</code>, which has no <code>index.html</code>.</p>
            <p>Build it with <code>dotnet build src/Airgate</code> (needs Node.js 20.19+ and npm; runs <code>npm ci</code> and
            <code>npm run build</code> in <code>ui/</code>), or by hand: <code>cd ui &amp;&amp; npm ci &amp;&amp; npm run build</code>,
            then restart Airgate. Set <code>Airgate:Ui:Path</code> to serve a build from another folder.</p>
            <p>The API is unaffected: <a href="/docs">/docs</a>, <a href="/openapi/v1.json">/openapi/v1.json</a>.</p>
            </body></html>
            """, context.RequestAborted);
    }
}
