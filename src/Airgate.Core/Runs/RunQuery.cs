namespace Airgate.Core.Runs;

/// <summary>
/// A run listing. Only runs known to exist in Airflow (<see cref="RunRecordState.Confirmed"/>) are listed.
/// Filters combine with AND; an empty <see cref="States"/> means any state.
/// </summary>
public sealed record RunQuery
{
    /// <summary>The largest page a store answers; larger limits are rejected, never silently capped.</summary>
    public const int MaxLimit = 1000;

    /// <summary>Only this workflow's runs; null lists every workflow's runs (<c>~</c>).</summary>
    public string? DagId { get; init; }

    /// <summary>Exact (case-sensitive) match on the triggering user's id.</summary>
    public string? OwnerId { get; init; }

    /// <summary>
    /// SQL LIKE pattern on the triggering user's name: <c>%</c> any run of characters, <c>_</c> one character,
    /// <c>\</c> escapes the next character (<c>\%</c>, <c>\_</c>, <c>\\</c>; a trailing lone <c>\</c> is literal).
    /// Case-insensitive (Unicode simple case folding), the same on every database.
    /// </summary>
    public string? OwnerNamePattern { get; init; }

    /// <summary>Airflow states to keep (any of); empty keeps all.</summary>
    public IReadOnlyList<string> States { get; init; } = [];

    public RunOrderBy OrderBy { get; init; } = RunOrderBy.Default;

    /// <summary>Page size, 1..<see cref="MaxLimit"/>.</summary>
    public int Limit { get; init; } = 50;

    public long Offset { get; init; }
}
