namespace Airgate.AirflowEmulator.Control;

/// <summary>The body of <c>POST /_emulator/faults</c>: one fault for the next <see cref="Count"/> matching requests.</summary>
internal sealed record FaultRequest
{
    /// <summary><c>latency</c>, <c>hang</c>, <c>status</c>, <c>garbage</c>, <c>lose_answer</c> or <c>aws_error</c>.</summary>
    public string? Kind { get; init; }

    /// <summary>An HTTP method to match, or null for any.</summary>
    public string? Method { get; init; }

    /// <summary>Compared with the request path as it arrived (still percent-encoded); default <c>/api/v2/</c>.</summary>
    public string? PathPrefix { get; init; }

    /// <summary>How many matching requests the fault applies to; null means every one (latency only) or 1.</summary>
    public int? Count { get; init; }

    /// <summary>For <c>status</c>: the status code answered.</summary>
    public int? Status { get; init; }

    /// <summary>For <c>status</c>: the <c>Retry-After</c> header, in seconds.</summary>
    public int? RetryAfterSeconds { get; init; }

    /// <summary>For <c>latency</c>: the delay, in milliseconds.</summary>
    public int? LatencyMs { get; init; }

    /// <summary>For <c>aws_error</c>: the AWS error type, e.g. <c>AccessDeniedException</c>, <c>ThrottlingException</c>.</summary>
    public string? Error { get; init; }

    /// <summary>For <c>aws_error</c>: AWS's message (e.g. "Private webserver environments can only call InvokeRestApi within a VPC").</summary>
    public string? Message { get; init; }

    /// <summary>For <c>lose_answer</c>: <c>drop_connection</c> (default) or <c>gateway_timeout</c>.</summary>
    public string? How { get; init; }
}
