using System.Text.Json.Nodes;

namespace Airgate.AirflowEmulator.Control;

/// <summary>
/// The body of <c>POST /_emulator/runs</c>: <see cref="Count"/> runs of one DAG, the i-th due at
/// <see cref="Start"/> + i × <see cref="IntervalSeconds"/>, taking states and user names in turn.
/// </summary>
internal sealed record SeedRequest
{
    public string? DagId { get; init; }

    public int Count { get; init; } = 1;

    /// <summary>Run ids are <c>&lt;prefix&gt;__&lt;i, 7 digits&gt;</c>.</summary>
    public string RunIdPrefix { get; init; } = "seeded";

    public DateTimeOffset? Start { get; init; }

    public double IntervalSeconds { get; init; } = 60;

    /// <summary>States used in turn (<c>queued</c>, <c>running</c>, <c>success</c>, <c>failed</c>); default success.</summary>
    public IReadOnlyList<string>? States { get; init; }

    /// <summary>Airflow's <c>triggering_user_name</c> of each run, used in turn; default <c>admin</c>.</summary>
    public IReadOnlyList<string>? TriggeringUserNames { get; init; }

    /// <summary>The conf of every run; with <see cref="UserInConf"/> the user name is added under <c>triggering_user_name</c>.</summary>
    public JsonObject? Conf { get; init; }

    /// <summary>Also writes the user name into each run's conf, as systems that keep identity in conf do.</summary>
    public bool UserInConf { get; init; }
}
