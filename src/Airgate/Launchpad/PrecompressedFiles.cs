using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.FileProviders;
using Microsoft.Net.Http.Headers;

namespace Airgate.Launchpad;

/// <summary>
/// The page's build writes <c>x.js.br</c> and <c>x.js.gz</c> beside each text file (<c>ui/scripts/compress.mjs</c>, at
/// Brotli's best quality, once per build). A request for <c>x.js</c> whose <c>Accept-Encoding</c> allows one of them is
/// served that file, as <c>x.js</c>'s type with <c>Content-Encoding</c>, by the static file middleware (its own ETag,
/// from the compressed file, and ranges). A build without them, or a client accepting neither, gets the file itself,
/// which response compression may still compress. (ASP.NET Core's <c>MapStaticAssets</c> precompresses only assets
/// the SDK finds in the project's <c>wwwroot</c> at build time; the page is built by npm and may be served from another
/// folder, <c>Airgate:Ui:Path</c>.)
/// </summary>
internal static class PrecompressedFiles
{
    private const string EncodingItem = "Airgate.Launchpad.ContentEncoding";
    private const string OriginalPathItem = "Airgate.Launchpad.OriginalPath";

    // Brotli first: smaller than gzip for the same text (the page's script: 164 KB against 193 KB).
    private static readonly (string Encoding, string Suffix)[] Encodings = [("br", ".br"), ("gzip", ".gz")];

    private static readonly FileExtensionContentTypeProvider Types = new();

    /// <summary>The content types the static file middleware uses: its own, and the compressed copies as bytes until <see cref="Prepare"/> names them.</summary>
    public static IContentTypeProvider ContentTypes()
    {
        var types = new FileExtensionContentTypeProvider();
        types.Mappings[".br"] = "application/octet-stream";
        types.Mappings[".gz"] = "application/octet-stream";
        return types;
    }

    /// <summary>Before the static file middleware: points the request at the best compressed copy the client accepts.</summary>
    public static void Select(HttpContext context, IFileProvider files)
    {
        var request = context.Request;
        if (context.GetEndpoint() is not null || !(HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
            || !request.Path.HasValue || !Types.TryGetContentType(request.Path.Value, out _))
        {
            return;
        }

        if (!StringWithQualityHeaderValue.TryParseList(request.Headers.AcceptEncoding, out var accepted))
        {
            return;
        }

        foreach (var (encoding, suffix) in Encodings)
        {
            // An encoding named outright wins over "*" (so "br;q=0, *" refuses Brotli).
            var named = accepted.Where(a => a.Value.Equals(encoding, StringComparison.OrdinalIgnoreCase)).ToList();
            var quality = (named.Count > 0 ? named : accepted.Where(a => a.Value == "*")).Select(a => a.Quality ?? 1).DefaultIfEmpty(0).Max();
            if (quality > 0 && files.GetFileInfo(request.Path.Value + suffix) is { Exists: true, IsDirectory: false })
            {
                context.Items[EncodingItem] = encoding;
                context.Items[OriginalPathItem] = request.Path;
                request.Path = new PathString(request.Path.Value + suffix);
                return;
            }
        }
    }

    /// <summary>In the static file middleware's OnPrepareResponse: a compressed copy goes out as the file it encodes.</summary>
    public static PathString Prepare(HttpContext context)
    {
        var response = context.Response;
        if (context.Items[EncodingItem] is not string encoding || context.Items[OriginalPathItem] is not PathString original)
        {
            if (context.Request.Path.HasValue && Types.TryGetContentType(context.Request.Path.Value, out _))
            {
                response.Headers.Append(HeaderNames.Vary, HeaderNames.AcceptEncoding);
            }

            return context.Request.Path;
        }

        response.Headers.ContentEncoding = encoding;
        response.Headers.Append(HeaderNames.Vary, HeaderNames.AcceptEncoding);
        if (Types.TryGetContentType(original.Value!, out var type))
        {
            response.ContentType = type;
        }

        return original;
    }
}
