using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using Airgate.Requests;
using Microsoft.AspNetCore.Mvc;

namespace Airgate.Runs.Logs;

/// <summary>The query of <c>GET .../tasks/{task_id}/logs</c>.</summary>
internal sealed record GetTaskLogQuery : IBoundRequest
{
    /// <summary>Long enough for any token Airflow signs (a few hundred characters), short enough to refuse abuse.</summary>
    public const int MaxTokenLength = 4096;

    [FromQuery(Name = "try_number"), Range(1, 10_000), Description("The try whose log to read; by default the task instance's latest.")]
    public int? TryNumber { get; init; }

    [FromQuery(Name = "map_index"), Range(-1, 1_000_000), DefaultValue(-1), Description("The map index of a mapped task's instance; -1 for an unmapped task.")]
    public int MapIndex { get; init; } = -1;

    [FromQuery(Name = "continuation_token"), MaxLength(MaxTokenLength),
     Description("Opaque: the continuation_token of an earlier answer, to read only what was written since (JSON and follow).")]
    public string? ContinuationToken { get; init; }

    [FromQuery(Name = "follow"), DefaultValue(false),
     Description("Stream the log as Server-Sent Events: 'log' events with new entries until the task instance finishes, then 'end'.")]
    public bool Follow { get; init; }

    public IReadOnlyList<ParameterError> Errors { get; init; } = [];

    public static ValueTask<GetTaskLogQuery?> BindAsync(HttpContext context) => RequestBinder.BindAsync<GetTaskLogQuery>(context);
}
