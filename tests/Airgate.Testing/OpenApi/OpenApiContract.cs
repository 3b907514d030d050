using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using Airgate.JsonSchema;

namespace Airgate.Testing.OpenApi;

/// <summary>
/// An OpenAPI 3.1 spec loaded from YAML, able to say whether a request or a response conforms to it.
/// Every problem is a readable sentence naming the operation and what failed; an empty list means conformant.
/// Formats (<c>date-time</c>, <c>uuid</c>, <c>duration</c>) are asserted, not only annotated.
/// </summary>
public sealed class OpenApiContract
{
    private static readonly ConcurrentDictionary<string, Lazy<OpenApiContract>> Cache = new(StringComparer.Ordinal);

    // A parameter schema with only these keywords is fully checked by coercing the value to its type.
    private static readonly HashSet<string> TypeOnlyKeywords = new(StringComparer.Ordinal) { "type", "title", "description", "default", "format", "example" };

    private readonly List<OpenApiPath> _paths;
    private readonly OpenApiTypes _types;
    private readonly ConcurrentDictionary<string, CompiledSchema> _compiled = new(StringComparer.Ordinal);
    private readonly Lazy<SchemaRegistry> _registry;
    private readonly JsonObject _components;

    private OpenApiContract(string sourcePath, JsonObject document)
    {
        SourcePath = sourcePath;
        // Airflow's specs all say info.version "2" (the API's version): the file name carries Airflow's.
        var fileVersion = System.Text.RegularExpressions.Regex.Match(Path.GetFileName(sourcePath), @"\d+\.\d+\.\d+");
        Version = fileVersion.Success ? fileVersion.Value : document["info"]?["version"]?.GetValue<string>() ?? "unknown";
        DocumentUri = new Uri($"urn:airflow:{Version}");
        OpenApiNullable.Rewrite(document);
        _components = document["components"] as JsonObject ?? [];
        _paths = OpenApiReader.ReadPaths(document);
        _types = new OpenApiTypes(_components);

        // Only schemas are registered: OpenAPI objects around them (parameters with `required: true`, ...) are not schemas.
        // Operation schemas sit under x-operations so that `#/components/schemas/...` resolves inside the same document.
        // Registered on first use, so path and query checks work without compiling any schema.
        _registry = new Lazy<SchemaRegistry>(() =>
        {
            var registered = new JsonObject
            {
                ["components"] = new JsonObject { ["schemas"] = _components["schemas"]?.DeepClone() ?? new JsonObject() },
                ["x-operations"] = OpenApiReader.OperationSchemas(Operations),
            };
            var registry = new SchemaRegistry();
            registry.Register(DocumentUri, JsonSerializer.SerializeToElement(registered));
            return registry;
        });
    }

    /// <summary>The YAML file the spec came from.</summary>
    public string SourcePath { get; }

    /// <summary>Airflow's version from the file name (<c>airflow-3.2.1-v2.yaml</c> gives <c>3.2.1</c>), else the spec's <c>info.version</c>.</summary>
    public string Version { get; }

    /// <summary>The URI the spec's schemas are registered under, <c>urn:airflow:&lt;version&gt;</c>.</summary>
    public Uri DocumentUri { get; }

    /// <summary>Every path template in the spec.</summary>
    public IReadOnlyList<string> PathTemplates => [.. _paths.Select(p => p.Template)];

    /// <summary>Every operation in the spec.</summary>
    public IEnumerable<OpenApiOperation> Operations => _paths.SelectMany(p => p.Operations.Values);

    /// <summary>Loads a spec once per full path; later calls answer the same instance.</summary>
    public static OpenApiContract Load(string yamlPath)
    {
        var fullPath = Path.GetFullPath(yamlPath);
        return Cache.GetOrAdd(fullPath, p => new Lazy<OpenApiContract>(() => Read(p))).Value;
    }

    /// <summary>The operation a method and escaped path (query ignored) reach, or null; literal segments win over templates.</summary>
    public OpenApiOperation? FindOperation(string method, string path)
    {
        ArgumentNullException.ThrowIfNull(method);
        ArgumentNullException.ThrowIfNull(path);
        return Match(method, path, out _);
    }

    /// <summary>Checks a request that has not been sent yet (its body is read, and buffered).</summary>
    public async Task<IReadOnlyList<string>> ValidateRequestAsync(HttpRequestMessage request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var uri = request.RequestUri ?? throw new ArgumentException("The request has no URI.", nameof(request));
        var body = request.Content is null ? null : await request.Content.ReadAsStringAsync();
        return ValidateRequest(request.Method.Method, uri.PathAndQuery, body);
    }

    /// <summary>Checks a request captured by <see cref="RecordingHandler"/>.</summary>
    public IReadOnlyList<string> ValidateRequest(RecordedRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return ValidateRequest(request.Method.Method, request.PathAndQuery, request.Body);
    }

    /// <summary>Checks a request: known path and method, declared and well-typed query and path parameters, required ones present, body valid.</summary>
    public IReadOnlyList<string> ValidateRequest(string method, string pathAndQuery, string? body)
    {
        ArgumentNullException.ThrowIfNull(method);
        ArgumentNullException.ThrowIfNull(pathAndQuery);
        var problems = new List<string>();
        var queryStart = pathAndQuery.IndexOf('?', StringComparison.Ordinal);
        var path = queryStart < 0 ? pathAndQuery : pathAndQuery[..queryStart];
        var query = queryStart < 0 ? string.Empty : pathAndQuery[(queryStart + 1)..];
        var operation = Match(method, path, out var pathProblem);
        if (operation is null)
        {
            problems.Add(pathProblem);
            return problems;
        }

        foreach (var (name, value) in operation.PathValues)
        {
            if (operation.FindParameter(name, "path") is { Schema: { } schema })
            {
                CheckValue(operation, $"path parameter '{name}'", "path", name, value, schema, problems);
            }
        }

        CheckQuery(operation, query, problems);
        CheckRequestBody(operation, body, problems);
        return problems;
    }

    /// <summary>Checks a recorded request and the answer it got, e.g. an emulator's, in one list.</summary>
    public IReadOnlyList<string> ValidateExchange(RecordedExchange exchange)
    {
        ArgumentNullException.ThrowIfNull(exchange);
        return [
            .. ValidateRequest(exchange.Request),
            .. ValidateResponse(exchange.Request.Method.Method, exchange.Request.Path, exchange.Status, exchange.ResponseBody, exchange.MediaType),
        ];
    }

    /// <summary>Checks a response: its status is documented (or <c>default</c> is) and its body is valid against that response's schema.</summary>
    public IReadOnlyList<string> ValidateResponse(string method, string path, int status, string? body) =>
        ValidateResponse(method, path, status, body, mediaType: null);

    /// <summary>
    /// As <see cref="ValidateResponse(string, string, int, string?)"/>, for a response of the given media type: a
    /// newline-delimited JSON answer (<c>application/x-ndjson</c>) must be declared for that status and each line be JSON;
    /// a <c>text/plain</c> answer (Airflow 2's log) must be declared for that status.
    /// </summary>
    public IReadOnlyList<string> ValidateResponse(string method, string path, int status, string? body, string? mediaType)
    {
        if (mediaType is "application/x-ndjson" or "text/plain")
        {
            return ValidateNonJsonAnswer(method, path, status, body ?? string.Empty, mediaType);
        }

        ArgumentNullException.ThrowIfNull(method);
        ArgumentNullException.ThrowIfNull(path);
        var problems = new List<string>();
        var queryStart = path.IndexOf('?', StringComparison.Ordinal);
        var operation = Match(method, queryStart < 0 ? path : path[..queryStart], out var pathProblem);
        if (operation is null)
        {
            problems.Add(pathProblem);
            return problems;
        }

        var code = status.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var key = new[] { code, $"{code[0]}XX", "default" }.FirstOrDefault(operation.Responses.ContainsKey);
        if (key is null)
        {
            problems.Add($"{operation.Display}: status {status} is not documented (documented: {string.Join(", ", operation.Responses.Keys)}).");
            return problems;
        }

        var hasBody = !string.IsNullOrWhiteSpace(body);
        if (operation.Responses[key] is null)
        {
            if (hasBody && status == 204)
            {
                problems.Add($"{operation.Display}: status 204 must have no body, got {Shorten(body)}.");
            }

            return problems;
        }

        if (!hasBody)
        {
            problems.Add($"{operation.Display}: status {status} response has no body; the spec documents a JSON body.");
            return problems;
        }

        EvaluateJson(operation, $"status {status} response body", Pointer("responses", key), body ?? string.Empty, problems);
        return problems;
    }

    private List<string> ValidateNonJsonAnswer(string method, string path, int status, string body, string mediaType)
    {
        var problems = new List<string>();
        var queryStart = path.IndexOf('?', StringComparison.Ordinal);
        var operation = Match(method, queryStart < 0 ? path : path[..queryStart], out var pathProblem);
        if (operation is null)
        {
            problems.Add(pathProblem);
            return problems;
        }

        var code = status.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (!operation.ResponseMediaTypes.TryGetValue(code, out var declared) || !declared.Contains(mediaType))
        {
            problems.Add($"{operation.Display}: status {status} does not declare {mediaType}.");
            return problems;
        }

        if (mediaType is "text/plain")
        {
            return problems;
        }

        foreach (var line in body.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            try
            {
                _ = JsonNode.Parse(line);
            }
            catch (System.Text.Json.JsonException e)
            {
                problems.Add($"{operation.Display}: an x-ndjson line is not JSON ({e.Message}): {Shorten(line)}.");
            }
        }

        return problems;
    }

    private static OpenApiContract Read(string path)
    {
        var document = YamlToJson.ConvertFile(path) as JsonObject
            ?? throw new InvalidDataException($"'{path}' is not a YAML mapping.");
        return new OpenApiContract(path, document);
    }

    private OpenApiOperation? Match(string method, string path, out string problem)
    {
        var normalized = NormalizePath(path);
        var segments = normalized.Split('/');
        var decoded = segments.Select(Uri.UnescapeDataString).ToArray();
        var verb = method.ToUpperInvariant();
        var candidates = _paths
            .Select(p => (Path: p, Values: p.Match(decoded)))
            .Where(c => c.Values is not null)
            .OrderByDescending(c => c.Path.Specificity, OpenApiPathSpecificity.Instance)
            .ToList();
        foreach (var (entry, values) in candidates)
        {
            if (entry.Operations.TryGetValue(verb, out var operation) && values is not null)
            {
                problem = string.Empty;
                return operation with { PathValues = values };
            }
        }

        problem = candidates.Count == 0
            ? $"{verb} {path}: no path in the Airflow {Version} spec matches."
            : $"{verb} {path}: {candidates[0].Path.Template} does not allow {verb} (allowed: {string.Join(", ", candidates[0].Path.Operations.Keys)}).";
        return null;
    }

    private static string NormalizePath(string path)
    {
        // A base URL may carry a prefix (https://host/airflow/api/v2/...): the spec's paths start at /api/.
        var api = path.IndexOf("/api/", StringComparison.Ordinal);
        return api > 0 ? path[api..] : path;
    }

    private void CheckQuery(OpenApiOperation operation, string query, List<string> problems)
    {
        var values = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var pair in query.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            var name = DecodeQuery(equals < 0 ? pair : pair[..equals]);
            var value = equals < 0 ? string.Empty : DecodeQuery(pair[(equals + 1)..]);
            if (!values.TryGetValue(name, out var list))
            {
                values[name] = list = [];
            }

            list.Add(value);
        }

        foreach (var (name, list) in values)
        {
            var parameter = operation.FindParameter(name, "query");
            if (parameter is null)
            {
                problems.Add($"{operation.Display}: query parameter '{name}' is not declared.");
                continue;
            }

            var schema = parameter.Schema ?? [];
            if (_types.TypesOf(schema).Contains("array"))
            {
                var itemSchema = schema["items"] as JsonObject ?? [];
                var array = new JsonArray();
                foreach (var raw in list)
                {
                    if (_types.Coerce(raw, itemSchema) is { } item)
                    {
                        array.Add(item);
                    }
                    else
                    {
                        problems.Add($"{operation.Display}: query parameter '{name}' value \"{raw}\" is not {string.Join(" or ", _types.TypesOf(itemSchema))}.");
                    }
                }

                if (schema.Any(p => p.Key != "items" && !TypeOnlyKeywords.Contains(p.Key)) || itemSchema.Any(p => !TypeOnlyKeywords.Contains(p.Key)))
                {
                    Evaluate(operation, $"query parameter '{name}'", Pointer("parameters", "query", name), array, problems);
                }

                continue;
            }

            if (list.Count > 1)
            {
                problems.Add($"{operation.Display}: query parameter '{name}' is not an array but was given {list.Count} times.");
            }

            CheckValue(operation, $"query parameter '{name}'", "query", name, list[0], schema, problems);
        }

        foreach (var required in operation.Parameters.Where(p => p.In == "query" && p.Required && !values.ContainsKey(p.Name)))
        {
            problems.Add($"{operation.Display}: required query parameter '{required.Name}' is missing.");
        }
    }

    private void CheckValue(OpenApiOperation operation, string what, string location, string name, string raw, JsonObject schema, List<string> problems)
    {
        if (_types.Coerce(raw, schema) is not { } value)
        {
            problems.Add($"{operation.Display}: {what} value \"{Shorten(raw)}\" is not {string.Join(" or ", _types.TypesOf(schema))}.");
            return;
        }

        if (schema.Any(p => !TypeOnlyKeywords.Contains(p.Key)))
        {
            Evaluate(operation, what, Pointer("parameters", location, name), value, problems);
        }
    }

    private void CheckRequestBody(OpenApiOperation operation, string? body, List<string> problems)
    {
        var hasBody = !string.IsNullOrEmpty(body);
        if (operation.RequestBodySchema is null)
        {
            if (hasBody)
            {
                problems.Add($"{operation.Display}: takes no request body, got {Shorten(body)}.");
            }

            return;
        }

        if (!hasBody)
        {
            if (operation.RequestBodyRequired)
            {
                problems.Add($"{operation.Display}: the request body is required but none was sent.");
            }

            return;
        }

        EvaluateJson(operation, "request body", Pointer("request"), body ?? string.Empty, problems);
    }

    private void EvaluateJson(OpenApiOperation operation, string what, string pointer, string json, List<string> problems)
    {
        JsonNode? node;
        try
        {
            node = JsonNode.Parse(json);
        }
        catch (JsonException e)
        {
            problems.Add($"{operation.Display}: {what} is not JSON ({e.Message}): {Shorten(json)}.");
            return;
        }

        Evaluate(operation, what, pointer, node, problems);
    }

    private void Evaluate(OpenApiOperation operation, string what, string pointer, JsonNode? instance, List<string> problems)
    {
        var uri = $"{DocumentUri}#/x-operations/{Escape(operation.OperationId)}{pointer}";
        var schema = _compiled.GetOrAdd(uri, u => CompiledSchema.Compile(new Uri(u), new SchemaOptions { Registry = _registry.Value, AssertFormat = true }));
        var result = schema.Evaluate(JsonSerializer.SerializeToElement(instance));
        foreach (var error in result.Errors)
        {
            var location = error.InstanceLocation.Length == 0 ? "(root)" : error.InstanceLocation;
            problems.Add($"{operation.Display}: {what} at {location} fails '{error.Keyword}': {error.Message}");
        }
    }

    private static string Pointer(params string[] segments) => string.Concat(segments.Select(s => "/" + Escape(s)));

    // JSON Pointer escaping, then URI escaping for a fragment.
    private static string Escape(string segment) => Uri.EscapeDataString(segment.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal));

    private static string DecodeQuery(string text) => Uri.UnescapeDataString(text.Replace('+', ' '));

    private static string Shorten(string? text) =>
        text is null ? "null" : text.Length <= 200 ? text : string.Concat(text.AsSpan(0, 200), "...");
}
