using System.Text.Json;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Airgate.Problems;

/// <summary>Wires RFC 9457 problem details for every error: handler results, unmatched routes, bad requests and crashes.</summary>
internal static class ProblemsExtensions
{
    public static WebApplicationBuilder AddProblems(this WebApplicationBuilder builder)
    {
        // The API speaks snake_case, like Airflow's.
        builder.Services.Configure<JsonOptions>(options =>
        {
            options.SerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower;
            options.SerializerOptions.DictionaryKeyPolicy = null;
        });

        builder.Services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
        {
            var problem = context.ProblemDetails;
            // Framework-made problems (unmatched routes, bad bodies) carry RFC links as their type; ours are stable URIs.
            if (problem.Type is null || problem.Type.StartsWith("https://tools.ietf.org/", StringComparison.Ordinal))
            {
                problem.Type = TypeFor(problem.Status);
            }

            problem.Detail ??= problem.Status switch
            {
                StatusCodes.Status404NotFound => "Nothing exists at this path.",
                StatusCodes.Status405MethodNotAllowed => "This path does not accept this HTTP method.",
                StatusCodes.Status408RequestTimeout => "The request body did not arrive in full (shorter than its Content-Length, or too slow). Send it again.",
                _ => null,
            };
            problem.Instance ??= context.HttpContext.Request.Path;
            AirflowFailureProblems.AddRetryAfter(context.HttpContext, problem);
        });
        // After the framework's writer, which declines when Accept excludes JSON: errors are problem+json whatever Accept says.
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IProblemDetailsWriter, AnyAcceptProblemWriter>());
        builder.Services.AddExceptionHandler<UnhandledExceptionHandler>();
        return builder;
    }

    private static string TypeFor(int? status) => status switch
    {
        StatusCodes.Status400BadRequest => ProblemTypes.BadRequest,
        StatusCodes.Status401Unauthorized => ProblemTypes.Unauthenticated,
        StatusCodes.Status403Forbidden => ProblemTypes.Forbidden,
        StatusCodes.Status404NotFound => ProblemTypes.NotFound,
        StatusCodes.Status405MethodNotAllowed => ProblemTypes.MethodNotAllowed,
        StatusCodes.Status408RequestTimeout => ProblemTypes.RequestTimeout,
        StatusCodes.Status413PayloadTooLarge => ProblemTypes.PayloadTooLarge,
        StatusCodes.Status415UnsupportedMediaType => ProblemTypes.UnsupportedMediaType,
        _ => ProblemTypes.Internal,
    };

    public static WebApplication UseProblems(this WebApplication app)
    {
        app.UseExceptionHandler();
        // Unmatched routes and wrong methods answer problems too, not empty bodies.
        app.UseStatusCodePages();
        return app;
    }
}
