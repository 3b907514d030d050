using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Airgate.Airflow.Models;
using Airgate.Core.Runs;

namespace Airgate.Runs;

// The API's shape, apart from the stored RunRecord and the mirror's ObservedRun on purpose: see ObservedRun's remarks.
// (A plain comment: the summary below is the OpenAPI schema's description.)
/// <summary>A run: Airflow's DagRun fields plus who triggered it and what it was started with.</summary>
internal sealed record RunResponse
{
    public required string DagRunId { get; init; }

    public required string DagId { get; init; }

    public string? State { get; init; }

    public string? RunType { get; init; }

    public DateTimeOffset? LogicalDate { get; init; }

    public DateTimeOffset? RunAfter { get; init; }

    public DateTimeOffset? QueuedAt { get; init; }

    public DateTimeOffset? StartDate { get; init; }

    public DateTimeOffset? EndDate { get; init; }

    public DateTimeOffset? DataIntervalStart { get; init; }

    public DateTimeOffset? DataIntervalEnd { get; init; }

    public string? Note { get; init; }

    public RunOwnerResponse? TriggeredBy { get; init; }

    public IReadOnlyList<RunPipeline> Pipelines { get; init; } = [];

    /// <summary>For a rerun: the <c>dag_run_id</c> of the run (same workflow) whose parameters it corrected.</summary>
    public string? RerunOf { get; init; }

    /// <summary>The Airflow Params the run was started with (workflows without a manifest).</summary>
    public JsonObject? Params { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public JsonNode? Conf { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public RunSummary? Summary { get; init; }

    /// <summary>Run detail only, when Airflow did not answer within the read budget: true, the run is as last mirrored.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public bool? Stale { get; init; }

    /// <summary>With <see cref="Stale"/>: the start of the mirror's last complete sync (the state is at least that fresh).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public DateTimeOffset? SyncedAt { get; init; }

    /// <summary>From the store alone (listings): Airflow fields as last mirrored.</summary>
    public static RunResponse From(RunRecord record)
    {
        var started = StartedWith.Parse(record.Pipelines);
        return new RunResponse
        {
            DagRunId = record.DagRunId,
            DagId = record.DagId,
            State = record.State,
            RunType = record.RunType,
            LogicalDate = record.LogicalDate,
            RunAfter = record.RunAfter,
            QueuedAt = record.QueuedAt,
            StartDate = record.StartDate,
            EndDate = record.EndDate,
            Note = record.AirflowNote ?? record.Note,
            TriggeredBy = record.TriggeredBy is { } owner ? new RunOwnerResponse(owner.Id, owner.Name) : null,
            Pipelines = Pinning.SchemaPins.WithHashes(started.Pipelines, record.SchemaHashes),
            Params = started.Params,
            RerunOf = record.RerunOf,
        };
    }

    /// <summary>Airflow's fresh answer joined with Airgate's record of who started the run and with what.</summary>
    public static RunResponse From(AirflowDagRun run, RunRecord? record, RunSummary? summary = null)
    {
        var started = StartedWith.Parse(record?.Pipelines);
        return new RunResponse
        {
            DagRunId = run.DagRunId,
            DagId = run.DagId,
            State = run.State,
            RunType = run.RunType,
            LogicalDate = run.LogicalDate,
            RunAfter = run.RunAfter,
            QueuedAt = run.QueuedAt,
            StartDate = run.StartDate,
            EndDate = run.EndDate,
            DataIntervalStart = run.DataIntervalStart,
            DataIntervalEnd = run.DataIntervalEnd,
            Note = run.Note,
            TriggeredBy = record?.TriggeredBy is { } owner
                ? new RunOwnerResponse(owner.Id, owner.Name)
                : new RunOwnerResponse(null, run.TriggeringUserName),
            Pipelines = Pinning.SchemaPins.WithHashes(started.Pipelines, record?.SchemaHashes),
            Params = started.Params,
            RerunOf = record?.RerunOf,
            Conf = run.Conf is { } conf ? JsonSerializer.SerializeToNode(conf) : null,
            Summary = summary,
        };
    }
}
