namespace Airgate.ApiDocs;

/// <summary>The OpenAPI document at <c>/openapi/v1.json</c> and a self-contained interactive page at <c>/docs</c>.</summary>
internal static class ApiDocsExtensions
{
    public static WebApplicationBuilder AddApiDocs(this WebApplicationBuilder builder)
    {
        builder.Services.AddOpenApi("v1", options => options.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "Airgate";
            document.Info.Description = "Pipeline profiles, validated triggers and run tracking in front of Apache Airflow 3.";
            return Task.CompletedTask;
        }));
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
