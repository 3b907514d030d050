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

    /// <summary>After a clear: the task instances it left alone, by (task id, map index); they keep their state.</summary>
    public IReadOnlyDictionary<(string TaskId, int MapIndex), TaskInstanceSnapshot>? Kept { get; init; }

    /// <summary>Earlier, finished tries of cleared task instances (their logs stay readable by try number).</summary>
    public IReadOnlyList<TaskInstanceSnapshot> PastTries { get; init; } = [];

    /// <summary>The latest earlier try of a task instance; 0 when it was never cleared.</summary>
    public int TriesBefore(string taskId, int mapIndex) =>
        PastTries.Where(t => t.TaskId == taskId && t.MapIndex == mapIndex).Select(t => t.TryNumber).DefaultIfEmpty(0).Max();
}
