namespace Airgate.Airflow.Models;

/// <summary>Airflow's <c>HealthInfoResponse</c>, reduced to what readiness needs.</summary>
public sealed record AirflowHealth
{
    /// <summary>The metadata database's status.</summary>
    public AirflowComponentHealth? Metadatabase { get; init; }

    /// <summary>The scheduler's status.</summary>
    public AirflowComponentHealth? Scheduler { get; init; }
}

/// <summary>One component's health, e.g. <c>{"status": "healthy"}</c>.</summary>
public sealed record AirflowComponentHealth
{
    /// <summary><c>healthy</c> or <c>unhealthy</c>, or null when unknown.</summary>
    public string? Status { get; init; }
}
