using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Airgate.AirflowEmulator.Auth;
using Airgate.AirflowEmulator.Http;
using Microsoft.Extensions.Primitives;

namespace Airgate.AirflowEmulator.V1;

/// <summary>
/// Airflow 2's <c>/api/v1</c> as a thin layer over the <c>/api/v2</c> emulation: it checks basic auth, maps each v1
/// route, query and body onto the v2 endpoint that serves it (before routing), and reshapes the answer into Airflow
/// 2.10's schemas and RFC 7807 problems (<see cref="V1Json"/>). State, progression, faults and the request log are the
/// v2 emulator's own. <c>/api/v2</c> and <c>/auth/token</c> answer 404, as on an Airflow 2.
/// </summary>
internal sealed class V1Layer(EmulatorOptions options, Hosting.RequestRecorder recorder)
{
    public const string AuthenticatedItem = "airgate.emulator.v1";

    public const string OriginalBodyItem = "airgate.emulator.v1.body";

    private const string Prefix = "/api/v1/";

    /// <summary>The run fields 2.10's <c>get_dag_runs</c> sorts by, and the v2 names the shared endpoint knows them by.</summary>
    private static readonly Dictionary<string, string> RunOrder = new(StringComparer.Ordinal)
    {
        ["id"] = "id",
        ["state"] = "state",
        ["dag_id"] = "dag_id",
        ["execution_date"] = "logical_date",
        ["dag_run_id"] = "dag_run_id",
        ["start_date"] = "start_date",
        ["end_date"] = "end_date",
        ["updated_at"] = "updated_at",
        ["conf"] = "conf",
    };

    // The ClearTaskInstances fields Airflow 3's body has too (the shared emulation reads those).
    private static readonly string[] ClearFields = ["dag_run_id", "dry_run", "only_failed", "reset_dag_runs", "task_ids"];

    private static readonly string[] TriggerFields = ["conf", "dag_run_id", "data_interval_end", "data_interval_start", "execution_date", "logical_date", "note"];

    public async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        var request = context.Request;
        var path = request.Path.Value ?? string.Empty;
        if (path.StartsWith(Control.ControlEndpoints.Prefix, StringComparison.Ordinal))
        {
            await next(context);
            return;
        }

        if (path.StartsWith("/api/v2", StringComparison.Ordinal) || path.StartsWith("/auth/", StringComparison.Ordinal) || !path.StartsWith(Prefix, StringComparison.Ordinal))
        {
            await AnswerAsync(context, StatusCodes.Status404NotFound, "The requested URL was not found on the server. (This emulated Airflow 2 serves /api/v1.)");
            return;
        }

        // The fault rules, the request log and any client see the v1 target even after the path is mapped below
        // (TestServer leaves RawTarget empty, and the recorder falls back to the path).
        var target = context.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpRequestFeature>();
        if (target is not null && string.IsNullOrEmpty(target.RawTarget))
        {
            target.RawTarget = path + request.QueryString.ToUriComponent();
        }

        var segments = path[Prefix.Length..].Split('/');
        var anonymous = segments is ["version"] or ["health"];
        if (!anonymous && !context.Items.ContainsKey(Mwaa.MwaaLayer.AuthenticatedItem) && !Authenticate(context))
        {
            context.Response.Headers.WWWAuthenticate = "Basic";
            await AnswerAsync(context, StatusCodes.Status401Unauthorized, "Unauthorized");
            return;
        }

        var route = Route(request.Method, segments);
        if (route is null)
        {
            await AnswerAsync(context, StatusCodes.Status404NotFound, "The requested URL was not found on the server.");
            return;
        }

        var problem = RewriteQuery(context, route) ?? await RewriteBodyAsync(context, route);
        if (problem is not null)
        {
            await AnswerAsync(context, StatusCodes.Status400BadRequest, problem);
            return;
        }

        var wantsText = route.Answer == V1Answer.Log && request.Headers.Accept.ToString().Contains("text/plain", StringComparison.OrdinalIgnoreCase);
        if (route.Answer == V1Answer.Log)
        {
            request.Headers.Accept = "application/json";
        }

        request.Path = route.V2Path;
        context.Items[AuthenticatedItem] = true;
        await ReshapeAnswerAsync(context, next, route, wantsText);
    }

    private static V1Route? Route(string method, string[] s)
    {
        var get = HttpMethods.IsGet(method);
        var rest = "/api/v2/" + string.Join('/', s);
        return s switch
        {
            ["version"] when get => new("/api/v2/version", V1Answer.AsIs),
            ["health"] when get => new("/api/v2/monitor/health", V1Answer.AsIs),
            ["dags"] when get => new(rest, V1Answer.Dags),
            ["dags", _] when get => new(rest, V1Answer.Dag),
            ["dags", _, "details"] when get => new(rest, V1Answer.DagDetails),
            ["dags", _, "tasks"] when get => new(rest, V1Answer.Tasks),
            ["dags", _, "tasks", _] when get => new(rest, V1Answer.Task),
            ["dags", _, "dagRuns"] when get => new(rest, V1Answer.Runs),
            ["dags", _, "dagRuns"] when HttpMethods.IsPost(method) => new(rest, V1Answer.Run),
            ["dags", _, "dagRuns", _] when get => new(rest, V1Answer.Run),
            ["dags", _, "dagRuns", _] when HttpMethods.IsPatch(method) => new(rest, V1Answer.Run, "state"),
            ["dags", var d, "dagRuns", var r, "setNote"] when HttpMethods.IsPatch(method) => new($"/api/v2/dags/{d}/dagRuns/{r}", V1Answer.Run, "note"),
            ["dags", _, "dagRuns", _, "taskInstances"] when get => new(rest, V1Answer.TaskInstances),
            ["dags", _, "dagRuns", _, "taskInstances", _] when get => new(rest, V1Answer.TaskInstance),
            ["dags", _, "dagRuns", _, "taskInstances", _, "listMapped"] when get => new(rest, V1Answer.TaskInstances),
            ["dags", _, "dagRuns", _, "taskInstances", _, var mapIndex] when get && int.TryParse(mapIndex, CultureInfo.InvariantCulture, out _) => new(rest, V1Answer.TaskInstance),
            ["dags", _, "dagRuns", _, "taskInstances", _, "logs", _] when get => new(rest, V1Answer.Log),
            ["dags", _, "clearTaskInstances"] when HttpMethods.IsPost(method) => new(rest, V1Answer.ClearedReferences),
            _ => null,
        };
    }

    private bool Authenticate(HttpContext context)
    {
        if (!AuthenticationHeaderValue.TryParse(context.Request.Headers.Authorization.ToString(), out var header)
            || !string.Equals(header.Scheme, "Basic", StringComparison.OrdinalIgnoreCase) || header.Parameter is null)
        {
            return false;
        }

        string credentials;
        try
        {
            credentials = Encoding.UTF8.GetString(Convert.FromBase64String(header.Parameter));
        }
        catch (FormatException)
        {
            return false;
        }

        var colon = credentials.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0 || credentials[..colon] != options.Username || credentials[(colon + 1)..] != options.Password)
        {
            return false;
        }

        context.Items[BearerAuthFilter.UserItem] = credentials[..colon];
        return true;
    }

    /// <summary>Airflow 2's filter names for the shared endpoint: <c>execution_date_*</c> are v2's <c>logical_date_*</c>.</summary>
    private static string? RewriteQuery(HttpContext context, V1Route route)
    {
        var query = new Dictionary<string, StringValues>(StringComparer.Ordinal);
        foreach (var (key, value) in context.Request.Query)
        {
            switch (key)
            {
                case "fields" or "only_active" when route.Answer is V1Answer.Dags or V1Answer.Dag:
                    break;
                case "execution_date_gte" or "execution_date_lte":
                    query["logical_date" + key["execution_date".Length..]] = value;
                    break;
                case "order_by" when route.Answer == V1Answer.Runs:
                    var order = value.ToString();
                    var descending = order.StartsWith('-');
                    if (!RunOrder.TryGetValue(descending ? order[1..] : order, out var field))
                    {
                        return $"Ordering with '{order.TrimStart('-')}' is disallowed or the attribute does not exist on the model";
                    }

                    query[key] = (descending ? "-" : string.Empty) + field;
                    break;
                default:
                    query[key] = value;
                    break;
            }
        }

        if (route.UpdateMask is { } mask)
        {
            query["update_mask"] = mask;
        }

        context.Request.QueryString = QueryString.Create(query);
        return null;
    }

    /// <summary>A trigger's, state's or note's v1 body as the shared PATCH/POST reads it; null when it may go on.</summary>
    private static async Task<string?> RewriteBodyAsync(HttpContext context, V1Route route)
    {
        var request = context.Request;
        if (!HttpMethods.IsPost(request.Method) && !HttpMethods.IsPatch(request.Method))
        {
            return null;
        }

        using var reader = new StreamReader(request.Body, Encoding.UTF8);
        var text = await reader.ReadToEndAsync(context.RequestAborted);
        context.Items[OriginalBodyItem] = text;
        JsonObject body;
        try
        {
            body = JsonNode.Parse(text) as JsonObject ?? throw new JsonException("not an object");
        }
        catch (JsonException)
        {
            return "Request body is not a valid JSON object.";
        }

        var clear = route.Answer == V1Answer.ClearedReferences;
        var allowed = clear ? ClearFields : HttpMethods.IsPost(request.Method) ? TriggerFields : [route.UpdateMask!];
        if (body.Select(p => p.Key).FirstOrDefault(k => !allowed.Contains(k, StringComparer.Ordinal)) is { } unknown)
        {
            return $"{{'{unknown}': ['Unknown field.']}}";
        }

        if (HttpMethods.IsPost(request.Method) && !clear)
        {
            // Airflow 2 takes execution_date as the old name of logical_date, and the time of the request when neither is given.
            var logical = body["logical_date"];
            var execution = body["execution_date"];
            if (logical is not null && execution is not null && logical.ToJsonString() != execution.ToJsonString())
            {
                return "logical_date conflicts with execution_date";
            }

            body.Remove("execution_date");
            body["logical_date"] = (logical ?? execution)?.DeepClone() ?? Wire.Format(context.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow());
        }
        else if (route.UpdateMask == "state" && body["state"] is null)
        {
            return "{'state': ['Missing data for required field.']}";
        }

        var bytes = JsonSerializer.SerializeToUtf8Bytes(body);
        request.Body = new MemoryStream(bytes);
        request.ContentLength = bytes.Length;
        return null;
    }

    private static async Task ReshapeAnswerAsync(HttpContext context, RequestDelegate next, V1Route route, bool wantsText)
    {
        var response = context.Response;
        var original = response.Body;
        using var buffer = new MemoryStream();
        response.Body = buffer;
        try
        {
            await next(context);
        }
        finally
        {
            response.Body = original;
        }

        // Only the shared endpoints' JSON is reshaped: an injected fault (HTML, garbage, a dropped answer) stays as it is.
        JsonObject? json = null;
        if (response.ContentType?.StartsWith("application/json", StringComparison.OrdinalIgnoreCase) == true)
        {
            try
            {
                json = JsonNode.Parse(buffer.ToArray()) as JsonObject;
            }
            catch (JsonException)
            {
                json = null;
            }
        }

        if (json is null || response.HasStarted)
        {
            buffer.Position = 0;
            await buffer.CopyToAsync(original, context.RequestAborted);
            return;
        }

        if (response.StatusCode >= 400)
        {
            var (status, problem) = V1Json.Problem(response.StatusCode, json["detail"]);
            await WriteAsync(context, status, "application/problem+json", problem.ToJsonString());
            return;
        }

        if (wantsText)
        {
            await WriteAsync(context, response.StatusCode, "text/plain; charset=utf-8", V1Json.LogText(json));
            return;
        }

        await WriteAsync(context, response.StatusCode, "application/json", V1Json.Reshape(route.Answer, json).ToJsonString());
    }

    /// <summary>A problem answered here, before routing: recorded like every request the emulator receives.</summary>
    private Task AnswerAsync(HttpContext context, int status, string detail) =>
        recorder.InvokeAsync(context, c => WriteProblemAsync(c, status, detail));

    private static Task WriteProblemAsync(HttpContext context, int status, string detail)
    {
        var (mapped, problem) = V1Json.Problem(status, JsonValue.Create(detail));
        return WriteAsync(context, mapped, "application/problem+json", problem.ToJsonString());
    }

    private static async Task WriteAsync(HttpContext context, int status, string contentType, string body)
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        context.Response.StatusCode = status;
        context.Response.ContentType = contentType;
        context.Response.ContentLength = bytes.Length;
        await context.Response.Body.WriteAsync(bytes, context.RequestAborted);
    }
}
