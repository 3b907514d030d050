using Airgate.Airflow;
using Airgate.Airflow.Models;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace Airgate.Health;

/// <summary>
/// Probes Airflow in the background with its own short timeout, so <c>/health/ready</c> answers within a second whatever
/// Airflow does: a fresh result is served from memory, a stale one starts a probe and waits for it only briefly.
/// The probe logs in like any call, so readiness also fails while Airflow refuses Airgate's credentials.
/// </summary>
internal sealed class AirflowProbe(IAirflowClient airflow, TimeProvider time, IOptions<AirflowOptions> options)
{
    /// <summary>How long a probe result is served before the next readiness request probes again.</summary>
    public static readonly TimeSpan Freshness = TimeSpan.FromSeconds(5);

    /// <summary>The probe's own timeout, far below Airflow call timeouts: readiness must not hang on a hanging Airflow.</summary>
    public static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(3);

    /// <summary>How long a readiness request waits for a running probe before answering with what it knows.</summary>
    public static readonly TimeSpan AnswerWithin = TimeSpan.FromMilliseconds(800);

    private readonly Lock _gate = new();
    private Task<HealthCheckResult>? _running;
    private HealthCheckResult? _last;
    private long _lastAt;

    public async Task<HealthCheckResult> CheckAsync(CancellationToken cancellationToken)
    {
        Task<HealthCheckResult> probe;
        lock (_gate)
        {
            if (_last is { } last && time.GetElapsedTime(_lastAt) < Freshness)
            {
                return last;
            }

            // Task.Run: the probe must never complete inside the lock, or _running would stay set.
            probe = _running ??= Task.Run(RunAsync, CancellationToken.None);
        }

        var waited = await Task.WhenAny(probe, Task.Delay(AnswerWithin, time, cancellationToken));
        if (waited == probe)
        {
            return await probe;
        }

        lock (_gate)
        {
            return _last ?? HealthCheckResult.Unhealthy("Airflow has not answered the readiness probe yet");
        }
    }

    /// <summary>Runs a probe (or joins the running one) and waits for its result, however long it takes.</summary>
    public Task<HealthCheckResult> ProbeNowAsync()
    {
        lock (_gate)
        {
            return _running ??= Task.Run(RunAsync, CancellationToken.None);
        }
    }

    private async Task<HealthCheckResult> RunAsync()
    {
        HealthCheckResult result;
        using (var timeout = new CancellationTokenSource(ProbeTimeout, time))
        {
            try
            {
                result = await ProbeAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                result = HealthCheckResult.Unhealthy($"Airflow did not answer the readiness probe within {ProbeTimeout.TotalSeconds:0} s");
            }
        }

        lock (_gate)
        {
            _last = result;
            _lastAt = time.GetTimestamp();
            _running = null;
        }

        return result;
    }

    private async Task<HealthCheckResult> ProbeAsync(CancellationToken cancellationToken)
    {
        var health = await airflow.GetHealthAsync(cancellationToken);
        if (!health.IsSuccess)
        {
            return HealthCheckResult.Unhealthy(Describe(health.Failure));
        }

        if (health.Value.Metadatabase?.Status is not ("healthy" or null))
        {
            return HealthCheckResult.Unhealthy($"Airflow's metadata database is unhealthy{Via}");
        }

        // The health endpoint is anonymous; one authenticated call proves Airflow still accepts Airgate's credentials.
        var dags = await airflow.ListDagsAsync(new DagQuery { Limit = 1 }, cancellationToken);
        return dags.IsSuccess ? HealthCheckResult.Healthy(health.Value.Api == AirflowApiVersion.V1
                ? $"Airflow answers and accepts Airgate's credentials{Via} (Airflow 2, /api/v1: see the README for what differs)"
                : $"Airflow answers and accepts Airgate's credentials{Via}")
            : dags.Failure.Error is AirflowError.Unauthorized or AirflowError.Forbidden ? HealthCheckResult.Unhealthy($"Airflow refuses Airgate's credentials{Via}")
            : HealthCheckResult.Unhealthy(Describe(dags.Failure));
    }

    /// <summary>Over MWAA, which transport and environment readiness speaks of (never a secret).</summary>
    private string Via => options.Value.Transport == AirflowTransport.Mwaa ? $" (transport Mwaa, environment '{options.Value.Mwaa.Environment}')" : string.Empty;

    private string Describe(AirflowFailure failure) => failure.AwsError is { } aws
        ? $"Amazon MWAA refuses Airgate: {aws}{Via}"
        : $"Airflow: {failure.Error}{Via}";
}
