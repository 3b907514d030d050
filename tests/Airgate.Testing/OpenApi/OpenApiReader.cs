using System.Text.Json.Nodes;

namespace Airgate.Testing.OpenApi;

/// <summary>Reads paths, operations and parameters out of an OpenAPI document.</summary>
internal static class OpenApiReader
{
    public static List<OpenApiPath> ReadPaths(JsonObject document)
    {
        var methods = new[] { "get", "put", "post", "delete", "options", "head", "patch", "trace" };
        var entries = new List<OpenApiPath>();

        // Airflow 2's spec keeps its paths relative to `servers: [{url: /api/v1}]`; Airflow 3's spell /api/v2 out.
        var prefix = (document["servers"] as JsonArray)?.FirstOrDefault()?["url"]?.GetValue<string>() is { } server && server.StartsWith('/') ? server.TrimEnd('/') : string.Empty;
        foreach (var (relative, item) in document["paths"] as JsonObject ?? [])
        {
            if (item is not JsonObject pathItem)
            {
                continue;
            }

            var template = prefix.Length > 0 && !relative.StartsWith(prefix + "/", StringComparison.Ordinal) ? prefix + relative : relative;
            var shared = ReadParameters(pathItem["parameters"], document);
            var operations = new Dictionary<string, OpenApiOperation>(StringComparer.Ordinal);
            foreach (var method in methods)
            {
                if (pathItem[method] is not JsonObject op)
                {
                    continue;
                }

                var own = ReadParameters(op["parameters"], document);
                var parameters = own.Concat(shared.Where(s => !own.Any(o => o.Name == s.Name && o.In == s.In))).ToList();
                var body = op["requestBody"] as JsonObject;
                var responses = new Dictionary<string, JsonObject?>(StringComparer.Ordinal);
                var mediaTypes = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
                foreach (var (status, response) in op["responses"] as JsonObject ?? [])
                {
                    var resolved = Resolve(response, document);
                    responses[status] = resolved?["content"]?["application/json"]?["schema"] as JsonObject;
                    mediaTypes[status] = [.. (resolved?["content"] as JsonObject ?? []).Select(c => c.Key)];
                }

                var verb = method.ToUpperInvariant();
                operations[verb] = new OpenApiOperation(
                    verb,
                    template,
                    op["operationId"]?.GetValue<string>() ?? $"{method}_{template}",
                    parameters,
                    body?["required"]?.GetValue<bool>() ?? false,
                    body?["content"]?["application/json"]?["schema"] as JsonObject,
                    responses,
                    new Dictionary<string, string>())
                {
                    ResponseMediaTypes = mediaTypes,
                };
            }

            entries.Add(new OpenApiPath(template, operations));
        }

        return entries;
    }

    /// <summary>A <c>$ref</c> to <c>#/components/...</c> (Airflow 2's spec shares parameters and responses that way), followed.</summary>
    private static JsonObject? Resolve(JsonNode? node, JsonObject document)
    {
        var current = node as JsonObject;
        for (var hops = 0; hops < 8 && current?["$ref"]?.GetValue<string>() is { } reference && reference.StartsWith("#/", StringComparison.Ordinal); hops++)
        {
            JsonNode? target = document;
            foreach (var part in reference[2..].Split('/'))
            {
                target = target?[part.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal)];
            }

            current = target as JsonObject;
        }

        return current;
    }

    private static List<OpenApiParameter> ReadParameters(JsonNode? node, JsonObject document) =>
        [.. (node as JsonArray ?? []).Select(p => Resolve(p, document)).OfType<JsonObject>().Select(p => new OpenApiParameter(
            p["name"]?.GetValue<string>() ?? string.Empty,
            p["in"]?.GetValue<string>() ?? string.Empty,
            p["required"]?.GetValue<bool>() ?? false,
            p["schema"] as JsonObject))];

    /// <summary>Every operation's schemas keyed by operation id, for registration beside <c>components</c>.</summary>
    public static JsonObject OperationSchemas(IEnumerable<OpenApiOperation> operations)
    {
        var result = new JsonObject();
        foreach (var operation in operations)
        {
            var parameters = new JsonObject();
            foreach (var group in operation.Parameters.GroupBy(p => p.In))
            {
                var byName = new JsonObject();
                foreach (var parameter in group)
                {
                    byName[parameter.Name] = parameter.Schema?.DeepClone() ?? new JsonObject();
                }

                parameters[group.Key] = byName;
            }

            var responses = new JsonObject();
            foreach (var (status, schema) in operation.Responses)
            {
                responses[status] = schema?.DeepClone() ?? new JsonObject();
            }

            result[operation.OperationId] = new JsonObject
            {
                ["parameters"] = parameters,
                ["request"] = operation.RequestBodySchema?.DeepClone() ?? new JsonObject(),
                ["responses"] = responses,
            };
        }

        return result;
    }
}
