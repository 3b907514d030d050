namespace Airgate.Workflows;

internal sealed record WorkflowList(IReadOnlyList<WorkflowResponse> Workflows, long TotalEntries);
