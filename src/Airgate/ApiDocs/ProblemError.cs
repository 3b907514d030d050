using System.ComponentModel;

namespace Airgate.ApiDocs;

/// <summary>One entry of a problem's <c>errors</c>: a bad request parameter, or a bad field of a trigger body.</summary>
[Description("One error. Parameter errors carry 'parameter'; body and pipeline-parameter errors carry 'pointer' (and 'pipeline', 'keyword').")]
internal sealed record ProblemError
{
    [Description("The query parameter, header or path segment at fault.")]
    public string? Parameter { get; init; }

    [Description("The pipeline (profile id) whose parameters are at fault; null for the request as a whole.")]
    public string? Pipeline { get; init; }

    [Description("JSON Pointer to the field at fault: into the pipeline's parameters when 'pipeline' is set, into the body otherwise.")]
    public string? Pointer { get; init; }

    [Description("The JSON Schema keyword (e.g. minimum, required) or request rule (e.g. unknown_field) that failed.")]
    public string? Keyword { get; init; }

    public required string Message { get; init; }
}
