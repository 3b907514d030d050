using System.Text.Json;
using Airgate.Core.Registry;

namespace Airgate.Core.Parameters;

/// <summary>Lists the (reference, parameters) pairs of either pipeline body form, with where each sits in the body.</summary>
internal static class PipelineEntries
{
    public sealed record Entry(string Reference, JsonElement? Parameters, string Pointer);

    /// <summary>Native form: <c>{"pipelines": {"&lt;id or name@version&gt;": {...}}}</c>.</summary>
    public static List<Entry> FromMap(JsonElement value, bool present, List<ParameterError> errors)
    {
        if (!present || value.ValueKind == JsonValueKind.Null)
        {
            return [];
        }

        if (value.ValueKind != JsonValueKind.Object)
        {
            errors.Add(new(null, "/pipelines", RequestKeywords.Type, "'pipelines' must be an object mapping pipeline ids (or name@version) to parameter objects."));
            return [];
        }

        return [.. value.EnumerateObject().Select(p => new Entry(p.Name, p.Value, JsonPointer.Append("/pipelines", p.Name)))];
    }

    /// <summary>Compatible form: <c>{"pipelineConfigs": [{"pipelineId": "...", "&lt;optionsFieldName&gt;": {...}}]}</c>.</summary>
    public static List<Entry> FromConfigs(JsonElement value, RegistrySnapshot registry, List<ParameterError> errors)
    {
        if (value.ValueKind != JsonValueKind.Array)
        {
            errors.Add(new(null, "/pipelineConfigs", RequestKeywords.Type, "'pipelineConfigs' must be an array of {\"pipelineId\": ..., \"<optionsFieldName>\": {...}} objects."));
            return [];
        }

        var entries = new List<Entry>();
        var index = 0;
        foreach (var config in value.EnumerateArray())
        {
            var pointer = JsonPointer.Append("/pipelineConfigs", index++);
            if (config.ValueKind != JsonValueKind.Object
                || !config.TryGetProperty("pipelineId", out var idElement)
                || idElement.ValueKind != JsonValueKind.String
                || idElement.GetString() is not { Length: > 0 } reference)
            {
                errors.Add(new(null, pointer, RequestKeywords.Type, "Each pipelineConfigs entry must be an object with a 'pipelineId' string."));
                continue;
            }

            // The options sit under the profile's own field name; an unknown profile is reported by the caller.
            var field = registry.FindProfile(reference)?.Profile.Submission.OptionsField;
            JsonElement? parameters = null;
            foreach (var property in config.EnumerateObject())
            {
                if (property.Name == "pipelineId" || (field is not null && property.Name == field + ConfOptions.DefaultCliSuffix))
                {
                    continue;
                }

                if (property.Name == field)
                {
                    parameters = property.Value;
                }
                else if (field is not null)
                {
                    errors.Add(new(null, JsonPointer.Append(pointer, property.Name), RequestKeywords.UnknownField, $"'{property.Name}' is not a field of this entry; the parameters of '{reference}' go under '{field}'."));
                }
            }

            entries.Add(new Entry(reference, parameters, pointer));
        }

        return entries;
    }
}
