namespace Airgate.Workflows;

/// <summary>Where a workflow's parameter schema comes from (SPEC 4.1 <c>parameters_source</c>).</summary>
internal static class ParametersSource
{
    /// <summary>The workflow has a manifest: its pipelines' profiles.</summary>
    public const string Pipelines = "pipelines";

    /// <summary>No manifest, but the DAG declares Airflow Params.</summary>
    public const string DagParams = "dag_params";

    /// <summary>Neither: the workflow takes no parameters Airgate knows of.</summary>
    public const string None = "none";
}
