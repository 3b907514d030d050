using System.Text.Json.Nodes;
using Airgate.AirflowEmulator.Progression;

namespace Airgate.AirflowEmulator.DagRuns;

/// <summary>
/// A stored run. Its state is not stored: it is computed on read from <see cref="StartsAt"/> and the clock,
/// unless <see cref="Frozen"/> holds a snapshot (a PATCH or a seeded final state).
/// </summary>
internal sealed record DagRunRecord
{
    public required long Id { get; init; }

    public required string DagId { get; init; }

    public required string RunId { get; init; }

    public required DateTimeOffset RunAfter { get; init; }

    public required DateTimeOffset QueuedAt { get; init; }

    /// <summary>When the run leaves the queue; null while its DAG is paused.</summary>
    public DateTimeOffset? StartsAt { get; init; }

    public DateTimeOffset? LogicalDate { get; init; }

    public DateTimeOffset? DataIntervalStart { get; init; }

    public DateTimeOffset? DataIntervalEnd { get; init; }

    public JsonObject Conf { get; init; } = [];

    public string? Note { get; init; }

    public string? TriggeringUserName { get; init; }

    public string RunType { get; init; } = "manual";

    public string TriggeredBy { get; init; } = "rest_api";

    public RunSnapshot? Frozen { get; init; }
}
