using System.Text.Json;
using Airgate.Airflow.Models;
using Airgate.Pipelines;

namespace Airgate.Workflows;

/// <summary>An Airflow DAG with the fields a UI needs, plus the profiles it runs.</summary>
internal sealed record WorkflowResponse
{
    public required string DagId { get; init; }

    public string? DagDisplayName { get; init; }

    public string? Description { get; init; }

    public bool IsPaused { get; init; }

    public bool IsStale { get; init; }

    public IReadOnlyList<string> Tags { get; init; } = [];

    public IReadOnlyList<string> Owners { get; init; } = [];

    public bool HasImportErrors { get; init; }

    public string? TimetableSummary { get; init; }

    public string? TimetableDescription { get; init; }

    public int? MaxActiveRuns { get; init; }

    public DateTimeOffset? NextDagrunRunAfter { get; init; }

    public DateTimeOffset? LastParsedTime { get; init; }

    /// <summary>The manifest's profiles in stage order; empty without a manifest.</summary>
    public IReadOnlyList<PipelineRef> Pipelines { get; init; } = [];

    /// <summary><c>pipelines</c>, <c>dag_params</c> or <c>none</c>.</summary>
    public required string ParametersSource { get; init; }

    /// <summary>For <c>dag_params</c> workflows (single-workflow answers only): the DAG's Params as one JSON Schema.</summary>
    public JsonElement? ParametersSchema { get; init; }

    public static WorkflowResponse From(AirflowDag dag, IReadOnlyList<PipelineRef> pipelines, string parametersSource, JsonElement? parametersSchema = null) => new()
    {
        DagId = dag.DagId,
        DagDisplayName = dag.DagDisplayName,
        Description = dag.Description,
        IsPaused = dag.IsPaused,
        IsStale = dag.IsStale,
        Tags = [.. dag.Tags.Select(t => t.Name)],
        Owners = dag.Owners,
        HasImportErrors = dag.HasImportErrors,
        TimetableSummary = dag.TimetableSummary,
        TimetableDescription = dag.TimetableDescription,
        MaxActiveRuns = dag.MaxActiveRuns,
        NextDagrunRunAfter = dag.NextDagrunRunAfter,
        LastParsedTime = dag.LastParsedTime,
        Pipelines = pipelines,
        ParametersSource = parametersSource,
        ParametersSchema = parametersSchema,
    };
}
