namespace Airgate.Core.Registry.DynamoDb;

/// <summary>The attribute and index names of CAPE's registry tables, as its infrastructure code and shared library write them.</summary>
public static class CapeLayout
{
    public const string PipelineKey = "pipeline_id";
    public const string PipelineName = "pipeline_name";
    public const string Version = "version";
    public const string Project = "project";
    public const string PipelineType = "pipeline_type";
    public const string Profile = "profile";
    public const string NameVersionIndex = "PipelineNameVerIndex";

    public const string WorkflowKey = "dag_id";
    public const string PipelineIds = "pipeline_ids";

    /// <summary>How a problem names a pipeline item: the table and its key, where a directory registry names a file.</summary>
    public static string PipelineItemName(string table, string pipelineId) => $"{table}[{PipelineKey}={pipelineId}]";

    /// <summary>How a problem names a workflow item.</summary>
    public static string WorkflowItemName(string table, string dagId) => $"{table}[{WorkflowKey}={dagId}]";
}
