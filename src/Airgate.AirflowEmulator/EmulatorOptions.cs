namespace Airgate.AirflowEmulator;

/// <summary>How the emulated Airflow behaves; every member has a usable default.</summary>
public sealed record EmulatorOptions
{
    /// <summary>A folder of DAG fixture files (<c>*.json</c>, see <c>examples/emulator/README.md</c>); null for none.</summary>
    public string? FixturesPath { get; init; }

    /// <summary>DAGs to synthesise (a linear chain of the given tasks) when no fixture has the same id.</summary>
    public IReadOnlyList<GeneratedDag> GeneratedDags { get; init; } = [];

    /// <summary>The only user <c>POST /auth/token</c> accepts.</summary>
    public string Username { get; init; } = "admin";

    /// <summary>The password of <see cref="Username"/>.</summary>
    public string Password { get; init; } = "admin";

    /// <summary>How long each task instance runs once it has left the queue.</summary>
    public TimeSpan TaskDuration { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>How long a run waits before it starts, and each task instance between being scheduled and running.</summary>
    public TimeSpan QueueDelay { get; init; } = TimeSpan.FromSeconds(3);

    /// <summary>How long an access token stays valid on the emulator's clock.</summary>
    public TimeSpan TokenLifetime { get; init; } = TimeSpan.FromHours(24);

    /// <summary>Airflow's <c>[api] maximum_page_limit</c>: larger <c>limit</c> values are silently capped.</summary>
    public int MaximumPageLimit { get; init; } = 100;

    /// <summary>The API served: <see cref="EmulatedApi.V2"/> (Airflow 3) or <see cref="EmulatedApi.V1"/> (Airflow 2.x); the other one answers 404, as it would on that Airflow.</summary>
    public EmulatedApi Api { get; init; } = EmulatedApi.V2;

    /// <summary>When set, the emulator is reached only as Amazon MWAA is: SigV4-signed <c>POST /restapi/{Name}</c> envelopes (see <see cref="EmulatedMwaa"/>).</summary>
    public EmulatedMwaa? Mwaa { get; init; }

    /// <summary>The version <c>GET /version</c> reports; null for the API's own (3.2.1 for v2, 2.10.0 for v1).</summary>
    public string? AirflowVersion { get; init; }

    /// <summary>The version reported: <see cref="AirflowVersion"/>, or the one matching <see cref="Api"/>.</summary>
    public string EffectiveAirflowVersion => AirflowVersion ?? (Api == EmulatedApi.V1 ? "2.10.0" : "3.2.1");
}
