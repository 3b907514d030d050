using System.Diagnostics.Metrics;

namespace Airgate.Telemetry;

/// <summary>The gateway's own instruments on the <c>Airgate</c> meter (the Airflow client adds its calls to the same meter).</summary>
internal sealed class AirgateMetrics
{
    public const string MeterName = "Airgate";

    private readonly Counter<long> _triggers;
    private readonly Counter<long> _parameterErrors;
    private readonly UpDownCounter<long> _openStreams;
    private readonly TimeProvider _time;
    private long _pending = -1;
    private long _mirrorSyncedAtTicks = -1;

    public AirgateMetrics(IMeterFactory meterFactory, TimeProvider time)
    {
        _time = time;
        var meter = meterFactory.Create(MeterName);
        _triggers = meter.CreateCounter<long>("airgate.triggers", "{request}", "Trigger requests, by outcome: started, answered (replay or dry run), invalid, refused, airflow_failed, failed.");
        _parameterErrors = meter.CreateCounter<long>("airgate.parameter_errors", "{error}", "Parameter errors found in trigger requests.");
        _openStreams = meter.CreateUpDownCounter<long>("airgate.events.streams.open", "{stream}", "Open event streams, by kind: run or listing.");
        meter.CreateObservableGauge(
            "airgate.runs.pending",
            () => Volatile.Read(ref _pending) is var pending and >= 0 ? [new Measurement<long>(pending)] : Array.Empty<Measurement<long>>(),
            "{run}",
            "Trigger records still pending (Airflow's answer lost) after the reconciler's last pass.");
        meter.CreateObservableGauge(
            "airgate.runs.mirror.sync_lag",
            () => Volatile.Read(ref _mirrorSyncedAtTicks) is var ticks and >= 0
                ? [new Measurement<double>((_time.GetUtcNow().UtcTicks - ticks) / (double)TimeSpan.TicksPerSecond)]
                : Array.Empty<Measurement<double>>(),
            "s",
            "Seconds since the run mirror last caught up with Airflow (only the replica that syncs reports it).");
    }

    public void TriggerAnswered(int statusCode) => _triggers.Add(1, new KeyValuePair<string, object?>("outcome", statusCode switch
    {
        StatusCodes.Status201Created => "started",
        >= 200 and < 300 => "answered",
        StatusCodes.Status400BadRequest or StatusCodes.Status422UnprocessableEntity or StatusCodes.Status413PayloadTooLarge or StatusCodes.Status415UnsupportedMediaType => "invalid",
        >= 400 and < 500 => "refused",
        StatusCodes.Status502BadGateway or StatusCodes.Status503ServiceUnavailable or StatusCodes.Status504GatewayTimeout => "airflow_failed",
        _ => "failed",
    }));

    public void ParameterErrorsFound(int count) => _parameterErrors.Add(count);

    /// <summary>An event stream of <paramref name="kind"/> opened (+1) or closed (-1).</summary>
    public void StreamOpened(string kind, int delta) => _openStreams.Add(delta, new KeyValuePair<string, object?>("kind", kind));

    public void PendingAfterReconcile(int count) => Volatile.Write(ref _pending, count);

    /// <summary>The mirror holds every change Airflow made before <paramref name="asOf"/> (a sync's start).</summary>
    public void MirrorSynced(DateTimeOffset asOf) => Volatile.Write(ref _mirrorSyncedAtTicks, asOf.UtcTicks);
}
