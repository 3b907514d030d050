using System.Text.Json;
using System.Text.Json.Nodes;

namespace Airgate.AirflowEmulator.Http;

/// <summary>Responses in FastAPI's shapes: <c>{"detail": ...}</c> errors and 422 validation lists.</summary>
internal static class AirflowResults
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.General);

    public static IResult Json(JsonNode body, int statusCode = StatusCodes.Status200OK) =>
        Results.Json(body, Options, "application/json", statusCode);

    public static IResult Detail(int statusCode, string detail) =>
        Json(new JsonObject { ["detail"] = detail }, statusCode);

    public static IResult Detail(int statusCode, JsonObject detail) =>
        Json(new JsonObject { ["detail"] = detail }, statusCode);

    public static IResult NotFound(string detail) => Detail(StatusCodes.Status404NotFound, detail);

    public static IResult BadRequest(string detail) => Detail(StatusCodes.Status400BadRequest, detail);

    public static IResult Validation(IEnumerable<ValidationProblem> problems) =>
        Json(new JsonObject { ["detail"] = new JsonArray([.. problems.Select(p => (JsonNode?)p.ToJson())]) }, StatusCodes.Status422UnprocessableEntity);

    public static IResult Validation(ValidationProblem problem) => Validation([problem]);
}
