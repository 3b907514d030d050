using System.Text.Json;
using Airgate.Airflow.Http.Wire;

namespace Airgate.Airflow.V1.Wire;

/// <summary>Airflow 2's <c>DAG</c> (and, with <see cref="Params"/> and <see cref="DocMd"/>, <c>DAGDetail</c>).</summary>
internal sealed record V1Dag : IAirflowWire
{
    public string? DagId { get; init; }

    public string? DagDisplayName { get; init; }

    public string? Description { get; init; }

    public bool? IsPaused { get; init; }

    public bool? IsActive { get; init; }

    public IReadOnlyList<V1Tag> Tags { get; init; } = [];

    public IReadOnlyList<string> Owners { get; init; } = [];

    public bool? HasImportErrors { get; init; }

    /// <summary><c>{"__type": "CronExpression", "value": "0 0 * * *"}</c>, a TimeDelta, a RelativeDelta, or null.</summary>
    public JsonElement? ScheduleInterval { get; init; }

    public string? TimetableDescription { get; init; }

    public int? MaxActiveRuns { get; init; }

    public DateTimeOffset? NextDagrunCreateAfter { get; init; }

    public DateTimeOffset? LastParsedTime { get; init; }

    public IReadOnlyDictionary<string, Models.AirflowParam> Params { get; init; } = new Dictionary<string, Models.AirflowParam>();

    public string? DocMd { get; init; }

    public bool IsComplete => DagId is not null;
}
