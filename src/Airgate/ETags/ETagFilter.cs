using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace Airgate.ETags;

/// <summary>
/// Turns a read's 200 answer into bytes with an <c>ETag</c> and answers <c>If-None-Match</c> with 304. The bytes are
/// kept with the answer object: the catalog hands out the same object until its inputs change, so its reads (304s
/// included) serialise nothing; a run read builds a new object each time and is serialised once, as it would be anyway.
/// </summary>
internal sealed class ETagFilter(IOptions<JsonOptions> json) : IEndpointFilter
{
    private static readonly ConditionalWeakTable<object, JsonEntity> Entities = new();

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var result = await next(context);
        var inner = result is INestedHttpResult nested ? nested.Result : result;
        object value;
        if (inner is IStatusCodeHttpResult { StatusCode: StatusCodes.Status200OK } and IValueHttpResult { Value: { } okValue })
        {
            value = okValue;
        }
        else if (inner is not (null or IResult or string))
        {
            // A handler that returns its answer directly (no result type) answers 200 with it as JSON.
            value = inner;
        }
        else
        {
            return result;
        }

        var options = json.Value.SerializerOptions;
        return new EntityResult(Entities.GetValue(value, v => JsonEntity.Create(v, options)));
    }
}
