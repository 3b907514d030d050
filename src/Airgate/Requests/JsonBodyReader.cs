using System.Text.Json;
using Airgate.Core.Json;
using Airgate.Problems;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;

namespace Airgate.Requests;

/// <summary>
/// Reads a JSON request body under explicit limits: only <c>application/json</c> (415), at most a size (413), at most a
/// nesting depth (400), and well-formed (400). Reading it ourselves, rather than binding, keeps every one of these a problem.
/// </summary>
internal static class JsonBodyReader
{
    public const int DefaultMaxBytes = 1024 * 1024;
    public const int DefaultMaxDepth = 64;

    /// <summary>The body as JSON, or the problem to answer; an empty body gives <c>(null, null)</c>.</summary>
    public static async Task<(JsonElement? Body, ProblemHttpResult? Problem)> ReadAsync(
        HttpRequest request, CancellationToken cancellationToken, int maxBytes = DefaultMaxBytes, int maxDepth = DefaultMaxDepth)
    {
        if (request.ContentLength > maxBytes)
        {
            return (null, TooLarge(maxBytes));
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                return (null, TooLarge(maxBytes));
            }

            buffer.Write(chunk, 0, read);
        }

        if (buffer.Length == 0)
        {
            return (null, null);
        }

        if (!IsJson(request.ContentType))
        {
            return (null, Problem.Create(
                StatusCodes.Status415UnsupportedMediaType, ProblemTypes.UnsupportedMediaType, "Unsupported media type",
                $"The body must be JSON sent with 'Content-Type: application/json', not '{request.ContentType ?? "(none)"}'."));
        }

        var text = buffer.GetBuffer().AsMemory(0, (int)buffer.Length);
        if (StrictJson.Check(text.Span, maxDepth) is { } error)
        {
            return (null, Invalid(error));
        }

        using var document = JsonDocument.Parse(text, new JsonDocumentOptions { MaxDepth = maxDepth + 1 });
        return (document.RootElement.Clone(), null);
    }

    /// <summary>Odd JSON is the client's to fix: a 400 naming the pointer (and, for invalid JSON, the line and byte).</summary>
    private static ProblemHttpResult Invalid(StrictJsonError error) => Problem.BadRequest(
        error.Message.Replace("The text", "The body", StringComparison.Ordinal),
        new Dictionary<string, object?>
        {
            ["errors"] = new[]
            {
                new
                {
                    pointer = error.Pointer,
                    keyword = error.Kind switch
                    {
                        StrictJsonErrorKind.DuplicateKey => "duplicate_key",
                        StrictJsonErrorKind.InvalidUnicode => "invalid_unicode",
                        StrictJsonErrorKind.TooDeep => "max_depth",
                        _ => "invalid_json",
                    },
                    message = error.Message,
                },
            },
        });

    private static bool IsJson(string? contentType) =>
        MediaTypeHeaderValue.TryParse(contentType, out var mediaType)
        && mediaType.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase);

    private static ProblemHttpResult TooLarge(int maxBytes) => Problem.Create(
        StatusCodes.Status413PayloadTooLarge, ProblemTypes.PayloadTooLarge, "The request body is too large",
        $"The body must be at most {maxBytes} bytes.");
}
