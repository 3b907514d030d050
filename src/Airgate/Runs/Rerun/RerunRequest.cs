using System.Text.Json;
using System.Text.Json.Nodes;
using Airgate.Core.Parameters;
using Airgate.Core.Registry;

namespace Airgate.Runs.Rerun;

/// <summary>
/// A rerun body: <c>{"pipelines": {"&lt;id or name@version&gt;": {&lt;merge patch&gt;} | null}, "params": {&lt;merge
/// patch&gt;}, "note": "..."}</c>, every member optional. Read strictly: unknown members and wrong types are all reported at once.
/// </summary>
internal sealed record RerunRequest
{
    private static readonly string[] KnownFields = ["pipelines", "params", "note"];

    public static RerunRequest Empty { get; } = new();

    /// <summary>The patch per pipeline reference as sent (null: leave the pipeline's parameters out of the rerun), with its pointer.</summary>
    public IReadOnlyList<(string Reference, JsonObject? Patch, string Pointer)> Pipelines { get; init; } = [];

    public JsonObject? Params { get; init; }

    public string? Note { get; init; }

    public static (RerunRequest? Request, IReadOnlyList<ParameterError> Errors) Parse(JsonElement? body)
    {
        if (body is not { } json || json.ValueKind == JsonValueKind.Null)
        {
            return (Empty, []);
        }

        var errors = new List<ParameterError>();
        if (json.ValueKind != JsonValueKind.Object)
        {
            errors.Add(new(null, string.Empty, RequestKeywords.Type, "The body must be a JSON object, e.g. {\"pipelines\": {\"<profile id>\": {\"outdir\": \"/new\"}}}."));
            return (null, errors);
        }

        foreach (var property in json.EnumerateObject().Where(p => !KnownFields.Contains(p.Name, StringComparer.Ordinal)))
        {
            errors.Add(new(null, JsonPointer.Append(string.Empty, property.Name), RequestKeywords.UnknownField,
                $"'{property.Name}' is not a field of a rerun request; use 'pipelines' (or 'params') and 'note'."));
        }

        var pipelines = new List<(string, JsonObject?, string)>();
        if (json.TryGetProperty("pipelines", out var map) && map.ValueKind != JsonValueKind.Null)
        {
            if (map.ValueKind != JsonValueKind.Object)
            {
                errors.Add(new(null, "/pipelines", RequestKeywords.Type, "'pipelines' must be an object mapping pipeline ids (or name@version) to JSON merge patches of their parameters."));
            }
            else
            {
                foreach (var entry in map.EnumerateObject())
                {
                    var pointer = JsonPointer.Append("/pipelines", entry.Name);
                    if (entry.Value.ValueKind is not (JsonValueKind.Object or JsonValueKind.Null))
                    {
                        errors.Add(new(null, pointer, RequestKeywords.Type, $"The patch for '{entry.Name}' must be a JSON object (a merge patch of its parameters) or null."));
                        continue;
                    }

                    pipelines.Add((entry.Name, entry.Value.ValueKind == JsonValueKind.Object ? JsonNode.Parse(entry.Value.GetRawText())?.AsObject() : null, pointer));
                }
            }
        }

        JsonObject? parameters = null;
        if (json.TryGetProperty("params", out var paramsPatch) && paramsPatch.ValueKind != JsonValueKind.Null)
        {
            if (paramsPatch.ValueKind != JsonValueKind.Object)
            {
                errors.Add(new(null, "/params", RequestKeywords.Type, "'params' must be a JSON object (a merge patch of the Airflow Params)."));
            }
            else
            {
                parameters = JsonNode.Parse(paramsPatch.GetRawText())?.AsObject();
            }
        }

        string? note = null;
        if (json.TryGetProperty("note", out var noteValue) && noteValue.ValueKind != JsonValueKind.Null)
        {
            if (noteValue.ValueKind == JsonValueKind.String)
            {
                note = noteValue.GetString();
            }
            else
            {
                errors.Add(new(null, "/note", RequestKeywords.Type, "'note' must be a string or null."));
            }
        }

        return errors.Count > 0 ? (null, errors) : (new RerunRequest { Pipelines = pipelines, Params = parameters, Note = note }, []);
    }
}
