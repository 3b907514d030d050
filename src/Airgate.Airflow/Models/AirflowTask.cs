using System.Text.Json;

namespace Airgate.Airflow.Models;

/// <summary>Airflow's <c>TaskResponse</c>: the fields a UI needs.</summary>
public sealed record AirflowTask
{
    /// <summary>The task's id.</summary>
    public required string TaskId { get; init; }

    /// <summary>The name to show.</summary>
    public string? TaskDisplayName { get; init; }

    /// <summary>The operator's name, e.g. <c>BashOperator</c>.</summary>
    public string? OperatorName { get; init; }

    /// <summary>Tasks that run after this one.</summary>
    public IReadOnlyList<string> DownstreamTaskIds { get; init; } = [];

    /// <summary>Whether the task is dynamically mapped.</summary>
    public bool? IsMapped { get; init; }

    /// <summary>The task's owner.</summary>
    public string? Owner { get; init; }

    /// <summary>How many retries Airflow allows.</summary>
    public double? Retries { get; init; }

    /// <summary>The trigger rule, e.g. <c>all_success</c>.</summary>
    public string? TriggerRule { get; init; }

    /// <summary>The task's documentation in Markdown.</summary>
    public string? DocMd { get; init; }

    /// <summary>The task's Params as Airflow serialized them.</summary>
    public JsonElement? Params { get; init; }
}
