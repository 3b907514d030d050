using System.Text.Json.Serialization;
using Airgate.Auth;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.Extensions.Options;
using Scalar.AspNetCore;

namespace Airgate.ApiDocs;

/// <summary>The OpenAPI document at <c>/openapi/v1.json</c> and Scalar's interactive reference at <c>/docs</c>, served offline.</summary>
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
            options.AddDocumentTransformer<OperationDocsTransformer>();
            options.AddDocumentTransformer<SchemaCleanup>();
        });
        return builder;
    }

    // The page loads only its own bundle and calls only this origin (it works offline); no other site may frame it, so
    // a "try it" click cannot be hijacked. Scalar's page starts from an inline script and styles itself inline.
    private const string DocsContentSecurityPolicy =
        "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; " +
        "connect-src 'self'; object-src 'none'; base-uri 'self'; frame-ancestors 'none'; form-action 'self'";

    public static WebApplication MapApiDocs(this WebApplication app)
    {
        app.MapOpenApi("/openapi/{documentName}.json").AllowAnonymous();
        app.Use((context, next) =>
        {
            if (context.Request.Path.StartsWithSegments("/docs", StringComparison.OrdinalIgnoreCase))
            {
                var headers = context.Response.Headers;
                headers.ContentSecurityPolicy = DocsContentSecurityPolicy;
                headers.XFrameOptions = "DENY";
                headers.XContentTypeOptions = "nosniff";
                headers["Referrer-Policy"] = "no-referrer";
            }

            return next(context);
        });
        // Scalar's bundle is embedded in its package and served from /docs/; fonts, telemetry and the AI agent would reach
        // out to the internet, so they are off: the page must work on machines without internet access. So is the
        // developer toolbar ("Share", "Generate SDK", "Deploy"), whose buttons all need an account on scalar.com.
        app.MapScalarApiReference("/docs", (options, context) =>
            {
                options
                    .WithTitle("Airgate API")
                    .WithOpenApiRoutePattern("/openapi/{documentName}.json")
                    .DisableDefaultFonts()
                    .DisableTelemetry()
                    .DisableAgent()
                    .DisableMcp()
                    .HideDeveloperTools()
                    .WithDotNetFlag(false)
                    .ShowOperationId();
                // The page offers the deployment's own mode; in Development it acts as 'dev' (an empty header is refused).
                var mode = context.RequestServices.GetRequiredService<IOptions<AuthOptions>>().Value.Mode;
                options.AddPreferredSecuritySchemes(AuthSchemes.For(mode));
                if (mode == AuthMode.Development)
                {
                    options.AddApiKeyAuthentication(AuthSchemes.Development, scheme => scheme.Value = DevelopmentAuthenticationHandler.DefaultUser);
                }
            })
            .AllowAnonymous();
        return app;
    }
}
