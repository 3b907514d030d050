using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Airgate.Airflow.Http;

/// <summary>Airflow calls on the <c>Airgate</c> meter: a count and a duration per operation (method and path template) and outcome.</summary>
internal sealed class AirflowMetrics
{
    /// <summary>The meter the gateway's own instruments share.</summary>
    public const string MeterName = "Airgate";

    private readonly Counter<long> _calls;
    private readonly Histogram<double> _duration;

    public AirflowMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(MeterName);
        _calls = meter.CreateCounter<long>("airgate.airflow.calls", "{call}", "Calls to Airflow, by operation and outcome (success or the AirflowError).");
        _duration = meter.CreateHistogram<double>("airgate.airflow.call.duration", "s", "Duration of calls to Airflow, retries included.");
    }

    public void Record(string method, string template, string outcome, TimeSpan elapsed)
    {
        var tags = new TagList { { "operation", $"{method} {template}" }, { "outcome", outcome } };
        _calls.Add(1, tags);
        _duration.Record(elapsed.TotalSeconds, tags);
    }
}
