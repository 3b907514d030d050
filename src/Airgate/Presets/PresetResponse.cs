using System.ComponentModel;
using System.Text.Json.Nodes;
using Airgate.Core.Presets;

namespace Airgate.Presets;

/// <summary>A saved launch form, as the API answers it.</summary>
internal sealed record PresetResponse
{
    [Description("The preset's name, unique per user and workflow.")]
    public required string Name { get; init; }

    public required string DagId { get; init; }

    [Description("Parameters per pipeline id, as the launch form held them (not validated until a run is started from them).")]
    public IReadOnlyDictionary<string, JsonObject?>? Pipelines { get; init; }

    [Description("Airflow Param values, for a workflow without a manifest.")]
    public JsonObject? Params { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public required DateTimeOffset UpdatedAt { get; init; }

    public static PresetResponse From(Preset preset)
    {
        var values = JsonNode.Parse(preset.Values) as JsonObject ?? [];
        return new PresetResponse
        {
            Name = preset.Name,
            DagId = preset.DagId,
            Pipelines = values["pipelines"] is JsonObject pipelines
                ? pipelines.ToDictionary(p => p.Key, p => p.Value?.DeepClone() as JsonObject, StringComparer.Ordinal)
                : null,
            Params = values["params"]?.DeepClone() as JsonObject,
            CreatedAt = preset.CreatedAt,
            UpdatedAt = preset.UpdatedAt,
        };
    }
}
