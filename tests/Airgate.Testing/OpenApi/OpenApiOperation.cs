using System.Text.Json.Nodes;

namespace Airgate.Testing.OpenApi;

/// <summary>One operation of the spec: a method on a path template.</summary>
/// <param name="Method">Upper-case HTTP method.</param>
/// <param name="PathTemplate">The spec's path, e.g. <c>/api/v2/dags/{dag_id}</c>.</param>
/// <param name="OperationId">The spec's <c>operationId</c>.</param>
/// <param name="Parameters">Declared parameters (path, query, header).</param>
/// <param name="RequestBodyRequired">Whether a body is required.</param>
/// <param name="RequestBodySchema">The <c>application/json</c> request body schema, when the operation takes a body.</param>
/// <param name="Responses">Documented responses keyed by status (<c>200</c>, <c>4XX</c>, <c>default</c>), each with its JSON schema or null.</param>
/// <param name="PathValues">Percent-decoded path parameter values, when found by <see cref="OpenApiContract.FindOperation"/>.</param>
public sealed record OpenApiOperation(
    string Method,
    string PathTemplate,
    string OperationId,
    IReadOnlyList<OpenApiParameter> Parameters,
    bool RequestBodyRequired,
    JsonObject? RequestBodySchema,
    IReadOnlyDictionary<string, JsonObject?> Responses,
    IReadOnlyDictionary<string, string> PathValues)
{
    /// <summary>Every media type each documented response declares (e.g. <c>application/x-ndjson</c> beside JSON), by status.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> ResponseMediaTypes { get; init; } = new Dictionary<string, IReadOnlyList<string>>();

    /// <summary>A readable name for problems: <c>GET /api/v2/dags (get_dags)</c>.</summary>
    public string Display => $"{Method} {PathTemplate} ({OperationId})";

    /// <summary>The declared parameter with this name and location, or null.</summary>
    public OpenApiParameter? FindParameter(string name, string location) =>
        Parameters.FirstOrDefault(p => p.Name == name && p.In == location);
}
