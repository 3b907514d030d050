using System.Text.Json.Nodes;

namespace Airgate.AirflowEmulator.Http;

/// <summary>One entry of a FastAPI 422 body: <c>{"type", "loc", "msg", "input", "ctx"?}</c>.</summary>
internal sealed record ValidationProblem(string Type, IReadOnlyList<string> Location, string Message, JsonNode? Input, JsonObject? Context = null)
{
    public JsonObject ToJson()
    {
        var json = new JsonObject
        {
            ["type"] = Type,
            ["loc"] = Wire.Strings(Location),
            ["msg"] = Message,
            ["input"] = Input?.DeepClone(),
        };
        if (Context is not null)
        {
            json["ctx"] = Context.DeepClone();
        }

        return json;
    }

    public static ValidationProblem Missing(string where, string name) =>
        new("missing", [where, name], "Field required", null);

    public static ValidationProblem ExtraField(string name, JsonNode? input) =>
        new("extra_forbidden", ["body", name], "Extra inputs are not permitted", input);
}
