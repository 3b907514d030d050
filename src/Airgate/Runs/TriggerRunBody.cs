using System.ComponentModel;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Airgate.Runs;

/// <summary>
/// The trigger body as the document declares it. The body itself is read by <c>TriggerRequestParser</c> (strict:
/// unknown fields, duplicate members and wrong forms are all reported at once); this type only describes it.
/// </summary>
[Description("Send exactly one form: 'pipelines' (native), 'pipelineConfigs' (compatible) or 'params' (workflows without a manifest whose DAG declares Airflow Params).")]
internal sealed record TriggerRunBody
{
    [Description("Parameters per pipeline, keyed by profile id or name@version. A pipeline without required parameters may be left out.")]
    public IReadOnlyDictionary<string, JsonObject?>? Pipelines { get; init; }

    [JsonPropertyName("pipelineConfigs"), Description("The compatible form: one entry per pipeline.")]
    public IReadOnlyList<PipelineConfigEntry>? PipelineConfigs { get; init; }

    [Description("Airflow Param values, for a workflow without a manifest.")]
    public JsonObject? Params { get; init; }

    [Description("A note stored on the Airflow run.")]
    public string? Note { get; init; }

    [Description("ISO 8601 date-time with a time zone; null lets Airflow choose.")]
    public DateTimeOffset? LogicalDate { get; init; }
}
