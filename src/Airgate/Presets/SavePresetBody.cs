using System.ComponentModel;
using System.Text.Json.Nodes;

namespace Airgate.Presets;

/// <summary>The save body as the document declares it; read strictly by <see cref="PresetBodyReader"/>.</summary>
[Description("The launch form's values: 'pipelines' (per pipeline id) or 'params' (Airflow Params), as a trigger body carries them.")]
internal sealed record SavePresetBody
{
    [Description("Parameters per pipeline id; each an object.")]
    public IReadOnlyDictionary<string, JsonObject?>? Pipelines { get; init; }

    [Description("Airflow Param values, for a workflow without a manifest.")]
    public JsonObject? Params { get; init; }
}
