using System.Text.Json;
using System.Text.Json.Nodes;
using Airgate.AirflowEmulator.Http;

namespace Airgate.AirflowEmulator.Auth;

/// <summary>The auth manager's token endpoint, outside <c>/api/v2</c>.</summary>
internal static class AuthEndpoints
{
    public static IEndpointRouteBuilder MapAuth(this IEndpointRouteBuilder app)
    {
        app.MapPost("/auth/token", CreateToken).WithName("CreateToken");
        return app;
    }

    private static async Task<IResult> CreateToken(HttpRequest request, TokenIssuer tokens, EmulatorOptions options)
    {
        JsonNode? body;
        try
        {
            body = await JsonNode.ParseAsync(request.Body, cancellationToken: request.HttpContext.RequestAborted);
        }
        catch (JsonException e)
        {
            return AirflowResults.Validation(new ValidationProblem("json_invalid", ["body"], "JSON decode error", null, new JsonObject { ["error"] = e.Message }));
        }

        if (body is not JsonObject fields)
        {
            return AirflowResults.Validation(new ValidationProblem("model_attributes_type", ["body"], "Input should be a valid dictionary or object to extract fields from", body?.DeepClone()));
        }

        var problems = new List<ValidationProblem>();
        var username = ReadString(fields, "username", problems);
        var password = ReadString(fields, "password", problems);
        if (problems.Count > 0)
        {
            return AirflowResults.Validation(problems);
        }

        if (string.IsNullOrEmpty(username) || string.IsNullOrEmpty(password))
        {
            return AirflowResults.BadRequest("Username and password must be provided");
        }

        if (username != options.Username || password != options.Password)
        {
            return AirflowResults.Detail(StatusCodes.Status401Unauthorized, "Invalid credentials");
        }

        return AirflowResults.Json(new JsonObject { ["access_token"] = tokens.Issue(username) }, StatusCodes.Status201Created);
    }

    private static string? ReadString(JsonObject fields, string name, List<ValidationProblem> problems)
    {
        if (!fields.TryGetPropertyValue(name, out var node))
        {
            problems.Add(new ValidationProblem("missing", ["body", name], "Field required", fields.DeepClone()));
            return null;
        }

        if (node is JsonValue value && value.TryGetValue<string>(out var text))
        {
            return text;
        }

        problems.Add(new ValidationProblem("string_type", ["body", name], "Input should be a valid string", node?.DeepClone()));
        return null;
    }
}
