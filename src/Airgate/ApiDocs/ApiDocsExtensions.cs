namespace Airgate.ApiDocs;

internal static class ApiDocsExtensions
{
    public static WebApplicationBuilder AddApiDocs(this WebApplicationBuilder builder) => builder;

    public static WebApplication MapApiDocs(this WebApplication app) => app;
}
