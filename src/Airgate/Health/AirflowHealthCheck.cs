using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Airgate.Health;

/// <summary>Ready only when the latest background probe of Airflow (<see cref="AirflowProbe"/>) succeeded.</summary>
internal sealed class AirflowHealthCheck(AirflowProbe probe) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        probe.CheckAsync(cancellationToken);
}
