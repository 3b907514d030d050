using System.ComponentModel;

namespace Airgate.Health;

/// <summary>The body both health routes answer (declared for the document; written by <see cref="HealthEndpoints"/>).</summary>
internal sealed record HealthReportBody
{
    [Description("healthy, degraded or unhealthy.")]
    public required string Status { get; init; }

    [Description("Each check by name (database, airflow) with its status and a detail.")]
    public required IReadOnlyDictionary<string, HealthCheckBody> Checks { get; init; }
}
