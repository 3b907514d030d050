using System.Text.Json.Nodes;
using Airgate.AirflowEmulator.Http;
using Microsoft.AspNetCore.Diagnostics;

namespace Airgate.AirflowEmulator.Hosting;

/// <summary>Gives the bodiless 404/405 of unmatched routes FastAPI's <c>{"detail": "Not Found"}</c> shape.</summary>
internal static class FastApiStatusPages
{
    public static IApplicationBuilder UseFastApiStatusPages(this IApplicationBuilder app) =>
        app.UseStatusCodePages(async context =>
        {
            var response = context.HttpContext.Response;
            var detail = response.StatusCode switch
            {
                StatusCodes.Status404NotFound => "Not Found",
                StatusCodes.Status405MethodNotAllowed => "Method Not Allowed",
                _ => null,
            };
            if (detail is null)
            {
                return;
            }

            await AirflowResults.Json(new JsonObject { ["detail"] = detail }, response.StatusCode).ExecuteAsync(context.HttpContext);
        });
}
