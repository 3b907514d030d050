using System.Text.Json.Nodes;

namespace Airgate.AirflowEmulator;

/// <summary>A DAG run a test adds directly, bypassing <c>POST .../dagRuns</c>.</summary>
public sealed record SeededRun
{
    /// <summary>The DAG; it must exist.</summary>
    public required string DagId { get; init; }

    /// <summary>The run id; <c>manual__&lt;run_after&gt;</c> when null.</summary>
    public string? RunId { get; init; }

    /// <summary>When the run was due; also its queue time.</summary>
    public required DateTimeOffset RunAfter { get; init; }

    /// <summary>
    /// <c>queued</c>, <c>running</c>, <c>success</c> or <c>failed</c> to freeze the run in that state
    /// (with plausible task instances), or null to let it progress from <see cref="RunAfter"/> like a triggered run.
    /// </summary>
    public string? State { get; init; }

    /// <summary>The run's <c>logical_date</c>.</summary>
    public DateTimeOffset? LogicalDate { get; init; }

    /// <summary>The run's <c>conf</c>.</summary>
    public JsonObject? Conf { get; init; }

    /// <summary>The run's <c>triggering_user_name</c>.</summary>
    public string? TriggeringUserName { get; init; } = "admin";

    /// <summary>The run's <c>run_type</c>.</summary>
    public string RunType { get; init; } = "manual";

    /// <summary>The run's note.</summary>
    public string? Note { get; init; }
}
