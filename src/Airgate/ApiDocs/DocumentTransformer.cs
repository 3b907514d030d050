using Airgate.Auth;
using Airgate.Health;
using Airgate.Telemetry;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Airgate.ApiDocs;

/// <summary>
/// Document-wide parts: the title, the three security schemes (one per <c>Airgate:Auth:Mode</c>; a deployment uses
/// one), the health routes and /metrics (mapped by middleware and the Prometheus exporter, which API explorer does not
/// see), and a note on
/// the one Problem schema.
/// </summary>
internal sealed class DocumentTransformer : IOpenApiDocumentTransformer
{
    public async Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info.Title = "Airgate";
        document.Info.Version = "v1";
        document.Info.Description =
            "Pipeline profiles, validated triggers and run tracking in front of Apache Airflow 3. " +
            "Every error is application/problem+json (the Problem schema); catalog and run reads answer ETag and honour If-None-Match.";

        // The generator writes the request's base URL with a trailing slash, which joins into '//' with every path.
        foreach (var server in document.Servers ?? [])
        {
            server.Url = server.Url?.TrimEnd('/');
        }

        document.Tags = new HashSet<OpenApiTag>
        {
            new() { Name = "Workflows", Description = "The catalog: Airflow DAGs with the pipelines they run, and their tasks with fully resolved parameter schemas. Answered from a cache refreshed in the background." },
            new() { Name = "Runs", Description = "Validated triggers (dry runs, idempotent retries), exact listings, detail, stop, task instances." },
            new() { Name = "Pipelines", Description = "The registry of pipeline profiles (id or name@version)." },
            new() { Name = "Registry", Description = "Files left out of the registry and why." },
            new() { Name = "Health", Description = "Liveness and readiness probes." },
        };

        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes = new Dictionary<string, IOpenApiSecurityScheme>
        {
            [AuthSchemes.Development] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.ApiKey,
                In = ParameterLocation.Header,
                Name = DevelopmentAuthenticationHandler.UserHeader,
                Description = "Development mode (airgate dev) only: no credentials; optionally act as the named user (X-Airgate-Roles sets roles). Without the header the caller is 'dev', an admin.",
            },
            [AuthSchemes.ApiKeys] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.ApiKey,
                In = ParameterLocation.Header,
                Name = ApiKeyAuthenticationHandler.KeyHeader,
                Description = "ApiKeys mode: the key as X-Api-Key (or as Authorization: Bearer <key>).",
            },
            [AuthSchemes.Jwt] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "bearer",
                BearerFormat = "JWT",
                Description = "Jwt mode: a bearer token from the configured OIDC provider.",
            },
        };

        var requirements = new[] { AuthSchemes.Development, AuthSchemes.ApiKeys, AuthSchemes.Jwt }
            .Select(scheme => new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(scheme, document)] = [] })
            .ToList();
        foreach (var (path, item) in document.Paths)
        {
            foreach (var operation in item.Operations?.Values.ToList() ?? [])
            {
                // Health, docs and sign-in are anonymous; everything under /api/v1 needs the deployment's one mode, and answers
                // 401 without it (503 while a Jwt deployment cannot load its provider's keys).
                var authenticated = path.StartsWith("/api/", StringComparison.Ordinal) && path != Launchpad.LaunchpadSetup.SignInPath;
                operation.Security = authenticated ? requirements : [];
                if (authenticated)
                {
                    operation.Responses ??= [];
                    operation.Responses.TryAdd("401", Problem(document, "No valid credentials (see the security schemes).", "WWW-Authenticate", "The scheme to authenticate with (Bearer)."));
                    operation.Responses.TryAdd("503", Problem(document, "A dependency is unavailable (the identity provider's keys, Airflow or the database); try again after Retry-After.", "Retry-After", "Seconds to wait before trying again."));
                }
            }
        }

        var health = await context.GetOrCreateSchemaAsync(typeof(HealthReportBody), null, cancellationToken);
        document.Paths["/health/live"] = HealthPath("HealthLive", "The process answers (no dependency is checked).", health);
        document.Paths["/health/ready"] = HealthPath("HealthReady", "The database and Airflow are reachable; 503 when either is not.", health);
        document.Paths[TelemetrySetup.MetricsPath] = MetricsPath();
    }

    // The Prometheus exporter maps a bare request delegate, which API explorer does not see.
    private static OpenApiPathItem MetricsPath() => new()
    {
        Operations = new Dictionary<HttpMethod, OpenApiOperation>
        {
            [HttpMethod.Get] = new OpenApiOperation
            {
                OperationId = "GetMetrics",
                Summary = "Metrics in the Prometheus text format (anonymous, like the health probes).",
                Tags = new HashSet<OpenApiTagReference> { new("Health") },
                Security = [],
                Responses = new OpenApiResponses
                {
                    ["200"] = new OpenApiResponse
                    {
                        Description = "The current value of every metric.",
                        Content = new Dictionary<string, OpenApiMediaType>
                        {
                            ["text/plain"] = new() { Schema = new OpenApiSchema { Type = JsonSchemaType.String } },
                        },
                    },
                },
            },
        },
    };

    private static OpenApiResponse Problem(OpenApiDocument document, string description, string header, string headerDescription) => new()
    {
        Description = description,
        Headers = new Dictionary<string, IOpenApiHeader>
        {
            [header] = new OpenApiHeader
            {
                Description = headerDescription,
                Schema = header == "Retry-After" ? new OpenApiSchema { Type = JsonSchemaType.Integer, Minimum = "0" } : new OpenApiSchema { Type = JsonSchemaType.String },
            },
        },
        Content = new Dictionary<string, OpenApiMediaType>
        {
            [ProblemResponses.ContentType] = new() { Schema = new OpenApiSchemaReference("Problem", document) },
        },
    };

    private static OpenApiPathItem HealthPath(string operationId, string summary, IOpenApiSchema schema)
    {
        OpenApiMediaType Json() => new() { Schema = schema };
        return new OpenApiPathItem
        {
            Operations = new Dictionary<HttpMethod, OpenApiOperation>
            {
                [HttpMethod.Get] = new OpenApiOperation
                {
                    OperationId = operationId,
                    Summary = summary,
                    Tags = new HashSet<OpenApiTagReference> { new("Health") },
                    Security = [],
                    Responses = new OpenApiResponses
                    {
                        ["200"] = new OpenApiResponse { Description = "Healthy (or degraded).", Content = new Dictionary<string, OpenApiMediaType> { ["application/json"] = Json() } },
                        ["503"] = new OpenApiResponse { Description = "Unhealthy.", Content = new Dictionary<string, OpenApiMediaType> { ["application/json"] = Json() } },
                    },
                },
            },
        };
    }
}
