namespace Airgate.AirflowEmulator.Progression;

/// <summary>A run and its task instances as they stand at one instant.</summary>
internal sealed record RunSnapshot(
    string State,
    DateTimeOffset? StartDate,
    DateTimeOffset? EndDate,
    DateTimeOffset UpdatedAt,
    IReadOnlyList<TaskInstanceSnapshot> TaskInstances);

/// <summary>One task instance at one instant; <see cref="State"/> null means "no status yet".</summary>
internal sealed record TaskInstanceSnapshot(
    string TaskId,
    int MapIndex,
    int Order,
    string? State,
    DateTimeOffset? ScheduledWhen,
    DateTimeOffset? QueuedWhen,
    DateTimeOffset? StartDate,
    DateTimeOffset? EndDate,
    int TryNumber,
    DateTimeOffset? UpdatedAt)
{
    public static readonly IReadOnlySet<string> Finished = new HashSet<string>(StringComparer.Ordinal)
    {
        "success", "failed", "skipped", "upstream_failed", "removed",
    };

    public bool IsFinished => State is not null && Finished.Contains(State);

    public double? Duration => StartDate is { } s && EndDate is { } e ? (e - s).TotalSeconds : null;
}
