using Airgate.ETags;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Airgate.ApiDocs;

/// <summary>
/// What operations share, added from endpoint metadata: path parameter rules, both 200 answers of a trigger,
/// <c>ETag</c>/<c>If-None-Match</c>/304 on entity reads, and the response headers each status carries (<c>Location</c>, <c>Idempotent-Replayed</c>, <c>Retry-After</c>, <c>WWW-Authenticate</c>).
/// </summary>
internal sealed class ContractTransformer : IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var metadata = context.Description.ActionDescriptor.EndpointMetadata;
        foreach (var parameter in operation.Parameters?.OfType<OpenApiParameter>().Where(p => p.In == ParameterLocation.Path) ?? [])
        {
            parameter.Description = PathParameterDescription(parameter.Name);
            parameter.Schema = new OpenApiSchema { Type = JsonSchemaType.String, MinLength = 1, MaxLength = parameter.Name switch { "id" => 300, "name" => 100, _ => 250 } };
        }

        operation.Responses ??= [];
        // Results<Ok<A>, Ok<B>> declares two 200s, of which the generator keeps one: declare both. anyOf, not oneOf: a
        // run replayed for an Idempotency-Key may carry every member a dry run's answer has.
        var okTypes = metadata.OfType<IProducesResponseTypeMetadata>()
            .Where(m => m.StatusCode == StatusCodes.Status200OK)
            .Select(m => m.Type).OfType<Type>().Where(t => t != typeof(void)).Distinct().ToList();
        if (okTypes.Count > 1 && operation.Responses.TryGetValue("200", out var ok) && ok is OpenApiResponse okResponse)
        {
            // References, not inlined copies: the components carry the nullability fixes of SchemaCleanup. Both types are
            // components already, as other operations answer them too.
            var schemas = okTypes.Select(type => (IOpenApiSchema)new OpenApiSchemaReference(type.Name, context.Document)).ToList();

            okResponse.Content = new Dictionary<string, OpenApiMediaType> { ["application/json"] = new() { Schema = new OpenApiSchema { AnyOf = schemas } } };
        }

        if (metadata.OfType<ETagMetadata>().Any())
        {
            operation.Parameters ??= [];
            operation.Parameters.Add(new OpenApiParameter
            {
                Name = "If-None-Match",
                In = ParameterLocation.Header,
                Description = "ETags of answers the client holds; a match answers 304 with no body.",
                Schema = new OpenApiSchema { Type = JsonSchemaType.String, MaxLength = 8192 },
            });
            operation.Responses["304"] = new OpenApiResponse
            {
                Description = "Not modified: the answer still has the ETag the client sent.",
                Headers = new Dictionary<string, IOpenApiHeader> { ["ETag"] = Header("The answer's entity tag.") },
            };
        }

        foreach (var (status, response) in operation.Responses)
        {
            if (response is not OpenApiResponse concrete)
            {
                continue;
            }

            concrete.Headers ??= new Dictionary<string, IOpenApiHeader>();
            switch (status)
            {
                case "200" when metadata.OfType<ETagMetadata>().Any():
                    concrete.Headers["ETag"] = Header("The answer's entity tag; send it back as If-None-Match.");
                    break;
                case "200" when operation.OperationId is "TriggerRun" or "RerunRun":
                    concrete.Description = "Dry run (dry_run=true): the conf that would be sent; or, for a repeated Idempotency-Key, the run it already started.";
                    concrete.Headers["Location"] = Header("On a repeated Idempotency-Key: the run's URL.");
                    concrete.Headers[IdempotentReplayed] = Header("'true' when the answer replays an earlier trigger with the same Idempotency-Key.");
                    break;
                case "201":
                    concrete.Headers["Location"] = Header("The new run's URL.");
                    break;
                case "401":
                    concrete.Headers["WWW-Authenticate"] = Header("The scheme to authenticate with (Bearer).");
                    break;
                case "503" when operation.OperationId is "TriggerRun" or "RerunRun":
                    concrete.Description = "Service Unavailable: Airflow or Airgate's database is unavailable, or a parameter's pattern could not be matched in time on a busy machine (type " + Problems.ProblemTypes.ValidationTimeout + "; nothing was sent to Airflow, neither accepted nor rejected); send the same request again after Retry-After.";
                    concrete.Headers["Retry-After"] = RetryAfter();
                    break;
                case "502" or "503" or "504":
                    concrete.Headers["Retry-After"] = RetryAfter();
                    break;
            }

            if (concrete.Headers.Count == 0)
            {
                concrete.Headers = null;
            }
        }

        return Task.CompletedTask;
    }

    private static string? PathParameterDescription(string? name) => name switch
    {
        "dag_id" => "The workflow (Airflow DAG) id: letters, digits, '_', '.', '-'. On run listings '~' means every workflow.",
        "dag_run_id" => "The run id: letters, digits, '_', '.', '~', ':', '+', '-'.",
        "task_id" => "The task id: letters, digits, '_', '.', '-'.",
        "id" => "A profile id or name@version.",
        "name" => "A preset's name: 1 to 100 characters, no control characters, no leading or trailing spaces.",
        _ => null,
    };

    private const string IdempotentReplayed = "Idempotent-Replayed";

    private static OpenApiHeader RetryAfter() => new()
    {
        Description = "Seconds to wait before trying again.",
        Schema = new OpenApiSchema { Type = JsonSchemaType.Integer, Minimum = "0" },
    };

    private static OpenApiHeader Header(string description) =>
        new() { Description = description, Schema = new OpenApiSchema { Type = JsonSchemaType.String } };

}
