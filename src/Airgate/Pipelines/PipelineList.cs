namespace Airgate.Pipelines;

internal sealed record PipelineList(IReadOnlyList<PipelineResponse> Pipelines, int TotalEntries);
