namespace Airgate.Core.Parameters;

/// <summary>Which body shape a trigger request used.</summary>
public enum TriggerRequestForm
{
    /// <summary><c>{"pipelines": {"&lt;id or name@version&gt;": {...}}}</c>, or no parameters at all.</summary>
    Pipelines,

    /// <summary><c>{"pipelineConfigs": [{"pipelineId": "...", "&lt;optionsFieldName&gt;": {...}}]}</c>.</summary>
    PipelineConfigs,

    /// <summary><c>{"params": {...}}</c> for a workflow without a manifest whose DAG declares Airflow Params.</summary>
    DagParams,
}
