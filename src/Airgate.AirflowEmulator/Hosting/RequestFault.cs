namespace Airgate.AirflowEmulator.Hosting;

internal enum RequestFaultKind
{
    Status,
    Garbage,
    Hang,
    LoseAnswer,
    Latency,
    AwsError,
}

// RetryAfter doubles as the delay of a Latency fault.
internal sealed record RequestFault(RequestFaultKind Kind, int StatusCode, TimeSpan? RetryAfter, LostAnswer How, string? AwsError = null, string? AwsMessage = null);

internal sealed class RequestFaultRule(HttpMethod? method, string pathPrefix, RequestFault fault)
{
    public RequestFault Fault { get; } = fault;

    public int Remaining { get; set; }

    public bool Matches(string requestMethod, string path) => Matches(method, pathPrefix, requestMethod, path);

    public static bool Matches(HttpMethod? method, string prefix, string requestMethod, string path) =>
        (method is null || string.Equals(method.Method, requestMethod, StringComparison.OrdinalIgnoreCase))
        && path.StartsWith(prefix, StringComparison.Ordinal);
}
