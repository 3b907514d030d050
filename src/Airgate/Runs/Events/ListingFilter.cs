using Airgate.Core.Runs;

namespace Airgate.Runs.Events;

/// <summary>What one listing stream keeps: the same filters, and the same visibility, as <c>GET .../runs</c> with its query.</summary>
internal sealed record ListingFilter(string? DagId, string? OwnerId, NamePattern? OwnerName, IReadOnlyList<string> States)
{
    public bool Matches(RunRecord record) =>
        record.RecordState == RunRecordState.Confirmed
        && (DagId is null || string.Equals(record.DagId, DagId, StringComparison.Ordinal))
        && (OwnerId is null || string.Equals(record.TriggeredBy?.Id, OwnerId, StringComparison.Ordinal))
        && (OwnerName is null || OwnerName.Matches(record.TriggeredBy?.Name))
        && (States.Count == 0 || (record.State is { } state && States.Contains(state, StringComparer.Ordinal)));
}
