using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using Airgate.Requests;
using Microsoft.AspNetCore.Mvc;

namespace Airgate.Runs.Events;

/// <summary>The query of <c>GET /workflows/{dag_id}/runs/events</c>: the listing's filters, bound and checked by the same rules as <see cref="ListRunsQuery"/>.</summary>
internal sealed record RunListEventsQuery : IBoundRequest
{
    [FromQuery(Name = "state"), MaxLength(20), Length(0, 50), AllowedValues("queued", "running", "success", "failed"),
     Description("Only runs in any of these states (repeat the parameter).")]
    public IReadOnlyList<string> State { get; init; } = [];

    [FromQuery(Name = "user_name_pattern"), MaxLength(250),
     Description("SQL LIKE pattern on the name of the user who triggered the run (% any run of characters, _ one character).")]
    public string? UserNamePattern { get; init; }

    [FromQuery(Name = "mine"), DefaultValue(false), Description("Only runs the caller triggered.")]
    public bool Mine { get; init; }

    public IReadOnlyList<ParameterError> Errors { get; init; } = [];

    public static ValueTask<RunListEventsQuery?> BindAsync(HttpContext context) => RequestBinder.BindAsync<RunListEventsQuery>(context);
}
