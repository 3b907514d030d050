using Airgate.Airflow.Models;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Airgate.Airflow.Http;

/// <summary>
/// Decides once which API Airflow speaks (a singleton: typed clients come and go). Configured <c>v2</c> or <c>v1</c> is
/// taken as is. <c>auto</c> asks <c>/api/v2/version</c>, then <c>/api/v1/version</c>, on the first call that needs
/// Airflow, shared by concurrent callers; when Airflow is down or answers neither, the call fails with that failure and
/// the next call after <see cref="RetryProbeAfter"/> asks again, so a gateway started before Airflow finds it later.
/// </summary>
internal sealed partial class AirflowApiSelector(IOptions<AirflowOptions> options, TimeProvider time, ILogger<AirflowApiSelector> logger)
{
    /// <summary>How long a failed probe's answer is reused before Airflow is asked again (so a down Airflow is not asked on every call).</summary>
    public static readonly TimeSpan RetryProbeAfter = TimeSpan.FromSeconds(5);

    private static readonly Version OldestV1 = new(2, 6);

    private readonly Lock _gate = new();
    private AirflowApiVersion? _chosen = options.Value.ApiVersion == AirflowApiVersion.Auto ? null : options.Value.ApiVersion;
    private Task<AirflowResult<AirflowApiVersion>>? _probe;
    private (AirflowFailure Failure, DateTimeOffset Until)? _lastFailure;

    /// <summary>The API chosen so far, or null while <c>auto</c> has not decided.</summary>
    public AirflowApiVersion? Chosen
    {
        get
        {
            lock (_gate)
            {
                return _chosen;
            }
        }
    }

    /// <summary>The API to use; <paramref name="probe"/> asks one API's <c>/version</c> (only called for <c>auto</c>).</summary>
    public Task<AirflowResult<AirflowApiVersion>> SelectAsync(Func<AirflowApiVersion, CancellationToken, Task<AirflowResult<AirflowVersion>>> probe, CancellationToken cancellationToken)
    {
        Task<AirflowResult<AirflowApiVersion>> task;
        lock (_gate)
        {
            if (_chosen is { } chosen)
            {
                return Task.FromResult<AirflowResult<AirflowApiVersion>>(chosen);
            }

            if (_lastFailure is { } last && time.GetUtcNow() < last.Until && _probe is null)
            {
                return Task.FromResult<AirflowResult<AirflowApiVersion>>(last.Failure);
            }

            // The probe belongs to no caller: one giving up must not fail it for the others.
            task = _probe ??= ProbeAsync(probe);
        }

        return task.WaitAsync(cancellationToken);
    }

    private async Task<AirflowResult<AirflowApiVersion>> ProbeAsync(Func<AirflowApiVersion, CancellationToken, Task<AirflowResult<AirflowVersion>>> probe)
    {
        await Task.Yield();
        AirflowResult<AirflowApiVersion> outcome;
        try
        {
            outcome = await DetectAsync(probe);
        }
        catch (OperationCanceledException)
        {
            outcome = new AirflowFailure(AirflowError.Timeout, null, "Airflow did not answer which API it speaks in time.");
        }

        lock (_gate)
        {
            _probe = null;
            if (outcome.IsSuccess)
            {
                _chosen = outcome.Value;
                _lastFailure = null;
            }
            else
            {
                _lastFailure = (outcome.Failure, time.GetUtcNow() + RetryProbeAfter);
            }
        }

        return outcome;
    }

    private async Task<AirflowResult<AirflowApiVersion>> DetectAsync(Func<AirflowApiVersion, CancellationToken, Task<AirflowResult<AirflowVersion>>> probe)
    {
        using var timeout = new CancellationTokenSource(options.Value.EffectiveTotalTimeout * 2, time);
        var v2 = await probe(AirflowApiVersion.V2, timeout.Token);
        if (v2.IsSuccess && v2.Value.Version.StartsWith("2.", StringComparison.Ordinal))
        {
            // Over MWAA the path carries no /api/vN (MWAA adds its environment's): /version answers for whichever Airflow
            // is there, and an Airflow 2 speaks /api/v1.
            LogChosen(logger, "v1", v2.Value.Version);
            return AirflowApiVersion.V1;
        }

        if (v2.IsSuccess)
        {
            LogChosen(logger, "v2", v2.Value.Version);
            return AirflowApiVersion.V2;
        }

        if (IsTransient(v2.Failure))
        {
            LogUndecided(logger, v2.Failure.Error, (int)RetryProbeAfter.TotalSeconds);
            return v2.Failure;
        }

        var v1 = await probe(AirflowApiVersion.V1, timeout.Token);
        if (v1.IsSuccess || v1.Failure.Error is AirflowError.Unauthorized or AirflowError.Forbidden)
        {
            // A refusal at /api/v1/version is Airflow 2 refusing our credentials: the calls will say so themselves.
            var version = v1.IsSuccess ? v1.Value.Version : "unknown";
            LogChosen(logger, "v1", version);
            if (v1.IsSuccess && System.Version.TryParse(version.Split('.', '+', '-') is [var major, var minor, ..] ? $"{major}.{minor}" : version, out var parsed) && parsed < OldestV1)
            {
                LogOldV1(logger, version);
            }

            return AirflowApiVersion.V1;
        }

        LogUndecided(logger, v1.Failure.Error, (int)RetryProbeAfter.TotalSeconds);
        return IsTransient(v1.Failure)
            ? v1.Failure
            : new AirflowFailure(AirflowError.InvalidResponse, v1.Failure.StatusCode, "Airgate:Airflow:BaseUrl leads to neither Airflow 3's /api/v2 nor Airflow 2's /api/v1 (both /version probes failed); check the URL, or set Airgate:Airflow:ApiVersion.");
    }

    // A refusal by MWAA says nothing about which Airflow is behind it: undecided, asked again later.
    private static bool IsTransient(AirflowFailure failure) =>
        failure.Error is AirflowError.Unreachable or AirflowError.Timeout or AirflowError.ServerError or AirflowError.TransportRefused;

    [LoggerMessage(EventId = 20, Level = LogLevel.Information, Message = "Airflow API detected: {Api} (Airflow {AirflowVersion}); Airgate speaks it from now on")]
    private static partial void LogChosen(ILogger logger, string api, string airflowVersion);

    [LoggerMessage(EventId = 21, Level = LogLevel.Warning, Message = "Could not tell which API Airflow speaks ({Error}); asking again in {Seconds} s")]
    private static partial void LogUndecided(ILogger logger, AirflowError error, int seconds);

    [LoggerMessage(EventId = 22, Level = LogLevel.Warning, Message = "Airflow {AirflowVersion} is older than 2.6: its /api/v1 lacks the updated_at and paused filters Airgate uses")]
    private static partial void LogOldV1(ILogger logger, string airflowVersion);
}
