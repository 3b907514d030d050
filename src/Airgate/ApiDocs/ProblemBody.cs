using System.ComponentModel;

namespace Airgate.ApiDocs;

/// <summary>
/// The shape of every error answer (RFC 9457 problem details plus Airgate's extensions), declared once so the
/// document has one <c>Problem</c> schema. Problems are built by <c>Problems.Problem</c>; this type only describes them.
/// </summary>
[Description("An RFC 9457 problem. 'type' is a stable URI clients may switch on; 'errors' lists every bad parameter or field at once.")]
internal sealed record ProblemBody
{
    [Description("Stable URI of the kind of problem, e.g. https://airgate.dev/problems/invalid-parameters.")]
    public required string Type { get; init; }

    public required string Title { get; init; }

    public required int Status { get; init; }

    public string? Detail { get; init; }

    [Description("The request path.")]
    public string? Instance { get; init; }

    [Description("Quote it when reporting a problem.")]
    public string? TraceId { get; init; }

    [Description("Every bad query parameter, header, path segment or pipeline parameter, each with what is wrong.")]
    public IReadOnlyList<ProblemError>? Errors { get; init; }

    [Description("On 502, 503 and 504: seconds to wait before trying again (also sent as Retry-After).")]
    public int? RetryAfterSeconds { get; init; }

    [Description("On a failed trigger: the workflow of the run that may have started.")]
    public string? DagId { get; init; }

    [Description("On a failed trigger (503) or a reused Idempotency-Key (422): the run id to look for.")]
    public string? DagRunId { get; init; }

    [Description("True when Airflow may have accepted the trigger although Airgate could not record it: look the run up before retrying.")]
    public bool? RunMayExist { get; init; }

    [Description("On run-not-finished (409): the run's state now, e.g. running.")]
    public string? State { get; init; }
}
