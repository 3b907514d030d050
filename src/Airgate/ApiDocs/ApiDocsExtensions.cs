using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.OpenApi;

namespace Airgate.ApiDocs;

/// <summary>The OpenAPI document at <c>/openapi/v1.json</c> and a self-contained interactive page at <c>/docs</c>.</summary>
internal static class ApiDocsExtensions
{
    public static WebApplicationBuilder AddApiDocs(this WebApplicationBuilder builder)
    {
        // Bodies are read by hand, so the serializer only writes: strict number handling changes no answer, and makes
        // the document type integers as plain 'integer' rather than 'integer | string'.
        builder.Services.Configure<JsonOptions>(options => options.SerializerOptions.NumberHandling = JsonNumberHandling.Strict);
        builder.Services.AddOpenApi("v1", options =>
        {
            options.CreateSchemaReferenceId = type => type.Type == typeof(ProblemBody)
                ? "Problem"
                : OpenApiOptions.CreateDefaultSchemaReferenceId(type);
            options.AddOperationTransformer<BoundRequestTransformer>();
            options.AddOperationTransformer<ContractTransformer>();
            options.AddDocumentTransformer<DocumentTransformer>();
            options.AddDocumentTransformer<SchemaCleanup>();
        });
        return builder;
    }

    public static WebApplication MapApiDocs(this WebApplication app)
    {
        app.MapOpenApi("/openapi/{documentName}.json").AllowAnonymous();
        // The page is embedded (no CDN): it must work on machines without internet access.
        app.MapGet("/docs", () => TypedResults.Content(DocsPage.Html, "text/html; charset=utf-8"))
            .ExcludeFromDescription()
            .AllowAnonymous();
        return app;
    }
}
