using System.Text.Json.Nodes;

namespace Airgate.Core.Parameters;

/// <summary>A trigger request in one neutral shape, whichever body form it came in.</summary>
public sealed record TriggerRequest
{
    public required TriggerRequestForm Form { get; init; }

    /// <summary>Every pipeline of the workflow's manifest in stage order, with what the client sent for it.</summary>
    public IReadOnlyList<PipelineRequest> Pipelines { get; init; } = [];

    /// <summary>The Airflow Params sent, for a workflow without a manifest; null otherwise.</summary>
    public JsonObject? DagParams { get; init; }

    public string? Note { get; init; }

    public DateTimeOffset? LogicalDate { get; init; }
}
