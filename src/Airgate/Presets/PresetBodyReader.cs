using System.Text.Json;
using Airgate.Requests;

namespace Airgate.Presets;

/// <summary>
/// Checks a preset body: an object with only <c>pipelines</c> (an object of objects, keyed by pipeline ids) and/or
/// <c>params</c> (an object). Every fault is reported at once; the values inside are the form's and are not judged here.
/// </summary>
internal static class PresetBodyReader
{
    public const int MaxBytes = 256 * 1024;
    public const int MaxPipelines = 64;

    public static List<ParameterError> Check(JsonElement? body)
    {
        List<ParameterError> errors = [];
        if (body is not { ValueKind: JsonValueKind.Object } json)
        {
            errors.Add(new ParameterError("body", "must be a JSON object with 'pipelines' and/or 'params'"));
            return errors;
        }

        foreach (var member in json.EnumerateObject())
        {
            switch (member.Name)
            {
                case "pipelines":
                    CheckPipelines(member.Value, errors);
                    break;
                case "params" when member.Value.ValueKind != JsonValueKind.Object:
                    errors.Add(new ParameterError("params", "must be an object"));
                    break;
                case "params":
                    break;
                default:
                    errors.Add(new ParameterError(Describe(member.Name), "is not a member of a preset (only 'pipelines' and 'params')"));
                    break;
            }
        }

        return errors;
    }

    private static void CheckPipelines(JsonElement pipelines, List<ParameterError> errors)
    {
        if (pipelines.ValueKind != JsonValueKind.Object)
        {
            errors.Add(new ParameterError("pipelines", "must be an object keyed by pipeline id"));
            return;
        }

        var count = 0;
        foreach (var pipeline in pipelines.EnumerateObject())
        {
            if (++count > MaxPipelines)
            {
                errors.Add(new ParameterError("pipelines", $"may hold at most {MaxPipelines} pipelines"));
                return;
            }

            if (pipeline.Name.Length is 0 or > 200 || pipeline.Name.Any(char.IsControl))
            {
                errors.Add(new ParameterError("pipelines", "has a pipeline id that is empty, longer than 200 characters or holds control characters"));
            }
            else if (pipeline.Value.ValueKind != JsonValueKind.Object)
            {
                errors.Add(new ParameterError($"pipelines.{pipeline.Name}", "must be an object of parameters"));
            }
        }
    }

    /// <summary>A member name fit to quote back: control characters escaped, long names cut.</summary>
    private static string Describe(string name)
    {
        var shown = name.Length > 64 ? name[..64] + "…" : name;
        return JsonSerializer.Serialize(shown);
    }
}
