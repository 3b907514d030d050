namespace Airgate.Core.Parameters;

/// <summary>The <see cref="ParameterError.Keyword"/>s of request-shape errors (schema errors use the schema keyword).</summary>
public static class RequestKeywords
{
    public const string Type = "type";
    public const string Required = "required";
    public const string Format = "format";
    public const string UnknownField = "unknown_field";
    public const string UnknownPipeline = "unknown_pipeline";
    public const string NotInWorkflow = "not_in_workflow";
    public const string Duplicate = "duplicate";
    public const string WrongForm = "wrong_form";
    public const string WorkflowUnavailable = "workflow_unavailable";
}
