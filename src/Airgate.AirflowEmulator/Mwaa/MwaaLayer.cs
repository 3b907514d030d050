using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Airgate.AirflowEmulator.Auth;
using Microsoft.AspNetCore.Http.Features;

namespace Airgate.AirflowEmulator.Mwaa;

/// <summary>
/// Amazon MWAA's <c>InvokeRestApi</c> in front of the emulated Airflow (v2 or v1): <c>POST /restapi/{Name}</c> with a
/// SigV4 signature (<see cref="SigV4Verifier"/>) and a <c>{Method, Path, QueryParameters, Body}</c> envelope, which is
/// turned into the Airflow request it stands for (so faults, the request log and the v1 layer see the Airflow path);
/// Airflow's answer comes back as <c>{RestApiStatusCode, RestApiResponse}</c>: HTTP 200 for 2xx, else HTTP 400 with
/// <c>x-amzn-errortype: RestApiClientException</c> (4xx) or <c>RestApiServerException</c> (5xx). Nothing else is served
/// but <c>/_emulator/</c>: the webserver is private, as CAPE's is.
/// </summary>
internal sealed class MwaaLayer(EmulatedMwaa mwaa, EmulatedApi api, TimeProvider time)
{
    public const string AuthenticatedItem = "airgate.emulator.mwaa";

    /// <summary>The Airflow user MWAA maps the IAM role to.</summary>
    public const string MappedUser = "mwaa-iam-role";

    public async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        var request = context.Request;
        var path = request.Path.Value ?? string.Empty;
        if (path.StartsWith(Control.ControlEndpoints.Prefix, StringComparison.Ordinal))
        {
            await next(context);
            return;
        }

        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (segments is not ["restapi", var name] || !HttpMethods.IsPost(request.Method))
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            await context.Response.WriteAsJsonAsync(new JsonObject { ["message"] = "Not Found: this emulated Amazon MWAA serves POST /restapi/{Name} only." }, context.RequestAborted);
            return;
        }

        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, context.RequestAborted);
        var body = buffer.ToArray();
        if (SigV4Verifier.Verify(request, body, mwaa, "airflow", time.GetUtcNow()) is { } refused)
        {
            await MwaaAnswers.AwsErrorAsync(context, MwaaAnswers.StatusOf(refused.Type), refused.Type, refused.Message);
            return;
        }

        if (!string.Equals(name, mwaa.Environment, StringComparison.Ordinal))
        {
            await MwaaAnswers.AwsErrorAsync(context, 404, "ResourceNotFoundException", $"Environment {Uri.UnescapeDataString(name)} not found.");
            return;
        }

        if (Envelope(body) is not { } envelope)
        {
            await MwaaAnswers.AwsErrorAsync(context, 400, "ValidationException", "1 validation error detected: Method, Path and an optional QueryParameters object and Body are required.");
            return;
        }

        if (mwaa.MaxPathLength is { } max && envelope.Path.Length > max)
        {
            await MwaaAnswers.AwsErrorAsync(context, 400, "ValidationException", $"1 validation error detected: Value at 'path' failed to satisfy constraint: Member must have length less than or equal to {max}");
            return;
        }

        Rewrite(context, envelope);
        await WrapAnswerAsync(context, next);
    }

    private void Rewrite(HttpContext context, (string Method, string Path, JsonObject? Query, JsonNode? Body) envelope)
    {
        var request = context.Request;
        var target = (api == EmulatedApi.V1 ? "/api/v1" : "/api/v2") + envelope.Path;
        var query = new StringBuilder();
        foreach (var (key, value) in envelope.Query ?? [])
        {
            foreach (var item in value is JsonArray array ? array.Select(Text) : [Text(value)])
            {
                query.Append(query.Length == 0 ? '?' : '&').Append(Uri.EscapeDataString(key)).Append('=').Append(Uri.EscapeDataString(item));
            }
        }

        request.Method = envelope.Method;
        request.Path = PathString.FromUriComponent(target);
        request.QueryString = new QueryString(query.Length == 0 ? null : query.ToString());
        if (context.Features.Get<IHttpRequestFeature>() is { } feature)
        {
            feature.RawTarget = target + query;
        }

        var bytes = envelope.Body is null ? [] : Encoding.UTF8.GetBytes(envelope.Body.ToJsonString());
        request.Body = new MemoryStream(bytes);
        request.ContentLength = bytes.Length;
        request.ContentType = envelope.Body is null ? null : "application/json";
        request.Headers.Accept = "application/json";
        request.Headers.Authorization = default;

        // MWAA maps the IAM principal to an Airflow role itself: the Airflow layers need no token or password.
        context.Items[AuthenticatedItem] = true;
        context.Items[BearerAuthFilter.UserItem] = MappedUser;
    }

    private static async Task WrapAnswerAsync(HttpContext context, RequestDelegate next)
    {
        var original = context.Response.Body;
        using var captured = new MemoryStream();
        context.Response.Body = captured;
        try
        {
            await next(context);
        }
        finally
        {
            context.Response.Body = original;
        }

        var response = context.Response;
        if (response.Headers.ContainsKey(Hosting.FaultMiddleware.DropMarker) || response.Headers.ContainsKey(MwaaAnswers.AwsAnswerMarker) || context.RequestAborted.IsCancellationRequested)
        {
            // A lost answer or an injected AWS error: passed on as it is.
            captured.Position = 0;
            await captured.CopyToAsync(original, context.RequestAborted);
            return;
        }

        var status = response.StatusCode;
        var inner = captured.ToArray();
        JsonNode? answer;
        try
        {
            answer = inner.Length == 0 ? null : JsonNode.Parse(inner);
        }
        catch (JsonException)
        {
            // MWAA's answers are JSON only: anything else (a proxy's HTML page) is carried as text.
            answer = JsonValue.Create(Encoding.UTF8.GetString(inner));
        }

        response.Clear();
        response.StatusCode = status is >= 200 and < 300 ? StatusCodes.Status200OK : StatusCodes.Status400BadRequest;
        if (status >= 400)
        {
            response.Headers[MwaaAnswers.ErrorTypeHeader] = status >= 500 ? "RestApiServerException" : "RestApiClientException";
        }

        response.ContentType = "application/json";
        await response.WriteAsync(new JsonObject { ["RestApiStatusCode"] = status, ["RestApiResponse"] = answer }.ToJsonString(), context.RequestAborted);
    }

    private static (string Method, string Path, JsonObject? Query, JsonNode? Body)? Envelope(byte[] body)
    {
        try
        {
            if (JsonNode.Parse(body) is not JsonObject json
                || json["Method"]?.GetValueKind() != JsonValueKind.String || json["Path"]?.GetValueKind() != JsonValueKind.String)
            {
                return null;
            }

            var method = json["Method"]!.GetValue<string>();
            var path = json["Path"]!.GetValue<string>();
            if (method is not ("GET" or "PUT" or "POST" or "PATCH" or "DELETE") || !path.StartsWith('/') || path.Length > 2048)
            {
                return null;
            }

            var query = json["QueryParameters"];
            if (query is not (null or JsonObject))
            {
                return null;
            }

            return (method, path, (JsonObject?)query?.DeepClone(), json["Body"]?.DeepClone());
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string Text(JsonNode? value) => value switch
    {
        null => string.Empty,
        JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
        _ => value.ToJsonString(),
    };
}
