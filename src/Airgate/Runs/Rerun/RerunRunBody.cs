using System.ComponentModel;
using System.Text.Json.Nodes;

namespace Airgate.Runs.Rerun;

/// <summary>The rerun body as the document declares it; read strictly by <see cref="RerunRequest"/>.</summary>
[Description("Optional: an empty body reruns with the same parameters. Corrections are JSON merge patches (RFC 7386) of the old run's parameters.")]
internal sealed record RerunRunBody
{
    [Description("A merge patch per pipeline, keyed by profile id or name@version; null leaves that pipeline's own values out (its defaults apply).")]
    public IReadOnlyDictionary<string, JsonObject?>? Pipelines { get; init; }

    [Description("A merge patch of the Airflow Params, for a workflow without a manifest.")]
    public JsonObject? Params { get; init; }

    [Description("A note stored on the new Airflow run.")]
    public string? Note { get; init; }
}
