using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Airgate.Airflow.Http;

/// <summary>Airflow calls on the <c>Airgate</c> meter: a count and a duration per operation (method and path template) and outcome.</summary>
internal sealed class AirflowMetrics
{
    /// <summary>The meter the gateway's own instruments share.</summary>
    public const string MeterName = "Airgate";

    /// <summary>
    /// Second-scaled bucket boundaries, those ASP.NET Core gives <c>http.server.request.duration</c>: OpenTelemetry's
    /// default ones are for milliseconds (0, 5, 10, ... 10,000), so every call would fall in the first bucket.
    /// </summary>
    public static readonly IReadOnlyList<double> DurationBuckets = [0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 7.5, 10, 30, 60];

    private readonly Counter<long> _calls;
    private readonly Histogram<double> _duration;

    public AirflowMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(MeterName);
        _calls = meter.CreateCounter<long>("airgate.airflow.calls", "{call}", "Calls to Airflow, by operation and outcome (success or the AirflowError).");
        _duration = meter.CreateHistogram<double>(
            "airgate.airflow.call.duration", "s", "Duration of calls to Airflow, retries included.", tags: null,
            new InstrumentAdvice<double> { HistogramBucketBoundaries = DurationBuckets });
    }

    public void Record(string method, string template, string outcome, TimeSpan elapsed)
    {
        var tags = new TagList { { "operation", $"{method} {template}" }, { "outcome", outcome } };
        _calls.Add(1, tags);
        _duration.Record(elapsed.TotalSeconds, tags);
    }
}
