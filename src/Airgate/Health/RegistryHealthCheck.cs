using Airgate.Core.Registry;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Airgate.Health;

/// <summary>
/// Ready while the registry is current. A remote registry (DynamoDB) that has never been read is unhealthy; one whose
/// reads fail but that serves its last good snapshot is degraded (still ready: it answers, and says how old it is).
/// </summary>
internal sealed class RegistryHealthCheck(IPipelineRegistry registry) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (registry is not IRefreshingRegistry refreshing)
        {
            return Task.FromResult(HealthCheckResult.Healthy($"Loaded: {registry.Current.Profiles.Count} profiles, {registry.Current.Manifests.Count} manifests"));
        }

        var state = refreshing.State;
        return Task.FromResult(state switch
        {
            { LastSuccess: null } => HealthCheckResult.Unhealthy($"{state.Source}: not read yet ({state.Failure})"),
            { Failure: { } failure } => HealthCheckResult.Degraded($"{state.Source}: reads fail since {state.FailingSince:u} ({failure}); serving the last good registry, read at {state.LastSuccess:u}"),
            _ => HealthCheckResult.Healthy($"{state.Source}: read at {state.LastSuccess:u}"),
        });
    }
}
