namespace Airgate.Health;

/// <summary>One check of a <see cref="HealthReportBody"/>.</summary>
internal sealed record HealthCheckBody
{
    public required string Status { get; init; }

    public string? Detail { get; init; }
}
