namespace Airgate.Airflow.Models;

/// <summary>Airflow's <c>VersionInfo</c>.</summary>
public sealed record AirflowVersion
{
    /// <summary>Airflow's version, e.g. <c>3.1.8</c>.</summary>
    public required string Version { get; init; }

    /// <summary>The git revision Airflow was built from, when known.</summary>
    public string? GitVersion { get; init; }
}
