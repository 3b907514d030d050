namespace Airgate.Airflow.Models;

/// <summary>Airflow's <c>HealthInfoResponse</c>, reduced to what readiness needs.</summary>
public sealed record AirflowHealth
{
    /// <summary>The metadata database's status.</summary>
    public AirflowComponentHealth? Metadatabase { get; init; }

    /// <summary>The scheduler's status.</summary>
    public AirflowComponentHealth? Scheduler { get; init; }

    /// <summary>The API that answered (<c>/api/v2</c> or Airflow 2's <c>/api/v1</c>), so readiness can say which Airgate speaks.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public AirflowApiVersion Api { get; init; } = AirflowApiVersion.V2;
}

/// <summary>One component's health, e.g. <c>{"status": "healthy"}</c>.</summary>
public sealed record AirflowComponentHealth
{
    /// <summary><c>healthy</c> or <c>unhealthy</c>, or null when unknown.</summary>
    public string? Status { get; init; }
}
