using Airgate.Airflow.Models;
using Airgate.Pipelines;

namespace Airgate.Workflows;

/// <summary>An Airflow task with the fields a UI needs, plus the profiles it runs (from the manifest's <c>tasks</c>).</summary>
internal sealed record TaskResponse
{
    public required string TaskId { get; init; }

    public string? TaskDisplayName { get; init; }

    public string? OperatorName { get; init; }

    public IReadOnlyList<string> DownstreamTaskIds { get; init; } = [];

    public bool? IsMapped { get; init; }

    public string? Owner { get; init; }

    public double? Retries { get; init; }

    public string? TriggerRule { get; init; }

    public string? DocMd { get; init; }

    public IReadOnlyList<PipelineRef> Pipelines { get; init; } = [];

    public static TaskResponse From(AirflowTask task, IReadOnlyList<PipelineRef> pipelines) => new()
    {
        TaskId = task.TaskId,
        TaskDisplayName = task.TaskDisplayName,
        OperatorName = task.OperatorName,
        DownstreamTaskIds = task.DownstreamTaskIds,
        IsMapped = task.IsMapped,
        Owner = task.Owner,
        Retries = task.Retries,
        TriggerRule = task.TriggerRule,
        DocMd = task.DocMd,
        Pipelines = pipelines,
    };
}
