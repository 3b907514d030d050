using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using Airgate.Core.Runs;
using Airgate.Requests;
using Microsoft.AspNetCore.Mvc;

namespace Airgate.Runs;

/// <summary>The query of <c>GET /workflows/{dag_id}/runs</c>.</summary>
internal sealed record ListRunsQuery : IBoundRequest
{
    [FromQuery(Name = "limit"), Range(1, RunQuery.MaxLimit), DefaultValue(50), Description("Runs per page.")]
    public int Limit { get; init; } = 50;

    [FromQuery(Name = "offset"), Range(0, int.MaxValue), DefaultValue(0), Description("Runs to skip.")]
    public int Offset { get; init; }

    [FromQuery(Name = "state"), MaxLength(20), Length(0, 50), AllowedValues("queued", "running", "success", "failed"),
     Description("Only runs in any of these states (repeat the parameter).")]
    public IReadOnlyList<string> State { get; init; } = [];

    [FromQuery(Name = "user_name_pattern"), MaxLength(250),
     Description("SQL LIKE pattern on the name of the user who triggered the run (% any run of characters, _ one character).")]
    public string? UserNamePattern { get; init; }

    [FromQuery(Name = "mine"), DefaultValue(false), Description("Only runs the caller triggered.")]
    public bool Mine { get; init; }

    [FromQuery(Name = "order_by"), MaxLength(50), DefaultValue("-run_after"),
     AllowedValues(
        "run_after", "-run_after", "logical_date", "-logical_date", "start_date", "-start_date", "end_date", "-end_date",
        "state", "-state", "dag_run_id", "-dag_run_id", "dag_id", "-dag_id", "created_at", "-created_at"),
     Description("Sort field; a leading '-' sorts descending.")]
    public string OrderBy { get; init; } = "-run_after";

    public IReadOnlyList<ParameterError> Errors { get; init; } = [];

    public static ValueTask<ListRunsQuery?> BindAsync(HttpContext context) => RequestBinder.BindAsync<ListRunsQuery>(context);
}
