using System.Text.Json;
using Airgate.Pipelines;

namespace Airgate.Workflows;

/// <summary>A workflow's tasks, and its profiles fully resolved so a form can be built with no further request.</summary>
internal sealed record WorkflowTasksResponse(
    IReadOnlyList<TaskResponse> Tasks,
    int TotalEntries,
    IReadOnlyList<PipelineResponse> Pipelines,
    string ParametersSource,
    JsonElement? ParametersSchema);
