using System.Data.Common;
using Airgate.Core.Runs;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Airgate.Health;

/// <summary>Ready only when the run store answers.</summary>
internal sealed class DatabaseHealthCheck(IRunStore store) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await store.PingAsync(cancellationToken);
            return HealthCheckResult.Healthy("The database answers");
        }
        catch (Exception e) when (e is DbException or InvalidOperationException or TimeoutException)
        {
            // The exception text may carry connection details; readiness reports only the kind.
            return HealthCheckResult.Unhealthy($"The database cannot be reached ({e.GetType().Name})");
        }
    }
}
