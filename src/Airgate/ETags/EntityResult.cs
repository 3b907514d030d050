using Microsoft.Net.Http.Headers;

namespace Airgate.ETags;

/// <summary>Writes a <see cref="JsonEntity"/> with its ETag, or a bodiless 304 when <c>If-None-Match</c> names it.</summary>
internal sealed class EntityResult(JsonEntity entity) : IResult, IStatusCodeHttpResult
{
    public int? StatusCode { get; private set; } = StatusCodes.Status200OK;

    public Task ExecuteAsync(HttpContext httpContext)
    {
        var response = httpContext.Response;
        response.Headers.ETag = entity.ETag;
        // Answers depend on the caller's identity: browsers may keep them but must revalidate every time.
        response.Headers.CacheControl = "private, no-cache";
        if (Matches(httpContext.Request.Headers.IfNoneMatch, entity.ETag))
        {
            StatusCode = StatusCodes.Status304NotModified;
            response.StatusCode = StatusCodes.Status304NotModified;
            return Task.CompletedTask;
        }

        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "application/json; charset=utf-8";
        response.ContentLength = entity.Json.Length;
        return response.Body.WriteAsync(entity.Json, httpContext.RequestAborted).AsTask();
    }

    /// <summary>Weak comparison (RFC 9110 13.1.2); a malformed header matches nothing, so the client gets the full answer.</summary>
    internal static bool Matches(Microsoft.Extensions.Primitives.StringValues ifNoneMatch, string etag)
    {
        if (ifNoneMatch.Count == 0 || !EntityTagHeaderValue.TryParseList(ifNoneMatch, out var tags))
        {
            return false;
        }

        var current = new EntityTagHeaderValue(etag);
        return tags.Any(tag => tag.Equals(EntityTagHeaderValue.Any) || tag.Compare(current, useStrongComparison: false));
    }
}
