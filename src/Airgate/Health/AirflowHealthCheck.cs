using Airgate.Airflow;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Airgate.Health;

/// <summary>Ready only when Airflow answers its health endpoint and reports a healthy metadata database.</summary>
internal sealed class AirflowHealthCheck(IAirflowClient airflow) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var health = await airflow.GetHealthAsync(cancellationToken);
        if (!health.IsSuccess)
        {
            return HealthCheckResult.Unhealthy($"Airflow: {health.Failure.Error}");
        }

        return health.Value.Metadatabase?.Status is "healthy" or null
            ? HealthCheckResult.Healthy("Airflow answers")
            : HealthCheckResult.Unhealthy("Airflow's metadata database is unhealthy");
    }
}
