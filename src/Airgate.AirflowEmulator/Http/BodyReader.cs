using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Airgate.AirflowEmulator.Http;

/// <summary>Reads a JSON object body field by field as Pydantic would (extra fields forbidden), collecting 422 problems.</summary>
internal sealed partial class BodyReader
{
    private readonly List<ValidationProblem> _problems = [];
    private readonly JsonObject _body;

    private BodyReader(JsonObject body) => _body = body;

    public IReadOnlyList<ValidationProblem> Problems => _problems;

    public bool IsValid => _problems.Count == 0;

    public JsonObject Body => _body;

    /// <summary>Parses the request body; a null reader comes with the 422 to answer.</summary>
    public static async Task<(BodyReader? Reader, IReadOnlyList<ValidationProblem> Problems)> ReadAsync(HttpRequest request, IReadOnlyCollection<string> allowed)
    {
        JsonNode? node;
        try
        {
            node = await JsonNode.ParseAsync(request.Body, cancellationToken: request.HttpContext.RequestAborted);
        }
        catch (JsonException e)
        {
            return (null, [new ValidationProblem("json_invalid", ["body", (e.BytePositionInLine ?? 0).ToString(CultureInfo.InvariantCulture)], "JSON decode error", new JsonObject(), new JsonObject { ["error"] = e.Message })]);
        }

        if (node is null)
        {
            return (null, [new ValidationProblem("missing", ["body"], "Field required", null)]);
        }

        if (node is not JsonObject body)
        {
            return (null, [new ValidationProblem("model_attributes_type", ["body"], "Input should be a valid dictionary or object to extract fields from", node.DeepClone())]);
        }

        var reader = new BodyReader(body);
        foreach (var (name, value) in body)
        {
            if (!allowed.Contains(name))
            {
                reader._problems.Add(ValidationProblem.ExtraField(name, value));
            }
        }

        return (reader, reader._problems);
    }

    public bool Has(string name) => _body.ContainsKey(name);

    public string? String(string name, int? maxLength = null)
    {
        if (!_body.TryGetPropertyValue(name, out var node) || node is null)
        {
            return null;
        }

        if (node is not JsonValue value || !value.TryGetValue<string>(out var text))
        {
            _problems.Add(new ValidationProblem("string_type", ["body", name], "Input should be a valid string", node.DeepClone()));
            return null;
        }

        if (maxLength is { } max && text.EnumerateRunes().Count() > max)
        {
            _problems.Add(new ValidationProblem("string_too_long", ["body", name], $"String should have at most {max} characters", node.DeepClone(), new JsonObject { ["max_length"] = max }));
            return null;
        }

        return text;
    }

    public JsonObject? Object(string name)
    {
        if (!_body.TryGetPropertyValue(name, out var node) || node is null)
        {
            return null;
        }

        if (node is not JsonObject obj)
        {
            _problems.Add(new ValidationProblem("dict_type", ["body", name], "Input should be a valid dictionary", node.DeepClone()));
            return null;
        }

        return (JsonObject)obj.DeepClone();
    }

    /// <summary>A timestamp that must carry a zone (Pydantic's <c>AwareDatetime</c>).</summary>
    public DateTimeOffset? AwareTime(string name)
    {
        var text = String(name);
        if (text is null)
        {
            return null;
        }

        if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var value))
        {
            _problems.Add(new ValidationProblem("datetime_from_date_parsing", ["body", name], "Input should be a valid datetime or date, invalid character in year", JsonValue.Create(text)));
            return null;
        }

        if (!ZoneSuffix().IsMatch(text))
        {
            _problems.Add(new ValidationProblem("timezone_aware", ["body", name], "Input should have timezone info", JsonValue.Create(text)));
            return null;
        }

        return value.ToUniversalTime();
    }

    public string? Enum(string name, IReadOnlyList<string> allowed)
    {
        var text = String(name);
        if (text is null || allowed.Contains(text))
        {
            return text;
        }

        var expected = string.Join(", ", allowed.Take(allowed.Count - 1).Select(a => $"'{a}'")) + $" or '{allowed[^1]}'";
        _problems.Add(new ValidationProblem("enum", ["body", name], $"Input should be {expected}", JsonValue.Create(text), new JsonObject { ["expected"] = expected }));
        return null;
    }

    /// <summary>A strict boolean (true/false only; Pydantic's lax mode would take "yes", which Airgate never sends).</summary>
    public bool? Bool(string name)
    {
        if (!_body.TryGetPropertyValue(name, out var node) || node is null)
        {
            return null;
        }

        if (node is JsonValue value && value.TryGetValue<bool>(out var flag))
        {
            return flag;
        }

        _problems.Add(new ValidationProblem("bool_parsing", ["body", name], "Input should be a valid boolean, unable to interpret input", node.DeepClone()));
        return null;
    }

    public void Fail(ValidationProblem problem) => _problems.Add(problem);

    [GeneratedRegex(@"(Z|z|[+-]\d{2}(:?\d{2})?)$")]
    private static partial Regex ZoneSuffix();
}
