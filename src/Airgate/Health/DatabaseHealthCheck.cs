using Airgate.Storage.Availability;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Airgate.Health;

/// <summary>
/// Ready only when the database answers, is migrated and accepts writes: one round trip per probe (the read-only
/// question is the ping). Not ready says why and names the setting and the server, never the password.
/// </summary>
internal sealed class DatabaseHealthCheck(DatabaseProbe probe, DatabaseAvailability availability) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var state = await probe.CheckAsync(cancellationToken);
        return state == DatabaseState.Ready
            ? HealthCheckResult.Healthy(availability.Describe())
            : HealthCheckResult.Unhealthy(availability.Describe());
    }
}
