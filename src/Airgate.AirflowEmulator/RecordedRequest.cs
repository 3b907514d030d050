namespace Airgate.AirflowEmulator;

/// <summary>One request the emulator received, as it arrived (path and query still percent-encoded).</summary>
/// <param name="Method">The HTTP method.</param>
/// <param name="PathAndQuery">The request target, e.g. <c>/api/v2/dags/a%2Fb/dagRuns?limit=5</c>.</param>
/// <param name="Body">The body as text; empty when there was none.</param>
/// <param name="ReceivedAt">When it arrived, on the emulator's clock.</param>
/// <param name="Operation">The Airflow operation it was routed to (e.g. <c>GetDagRuns</c>); null when no route matched.</param>
public sealed record RecordedRequest(string Method, string PathAndQuery, string Body, DateTimeOffset ReceivedAt, string? Operation = null)
{
    /// <summary>The path without the query string.</summary>
    public string Path => PathAndQuery.Split('?', 2)[0];
}
