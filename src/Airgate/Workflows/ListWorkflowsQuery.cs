using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using Airgate.Requests;
using Microsoft.AspNetCore.Mvc;

namespace Airgate.Workflows;

/// <summary>The query of <c>GET /workflows</c>, passed on to Airflow's DAG listing.</summary>
internal sealed record ListWorkflowsQuery : IBoundRequest
{
    [FromQuery(Name = "limit"), Range(1, 100), DefaultValue(50), Description("Workflows per page.")]
    public int Limit { get; init; } = 50;

    [FromQuery(Name = "offset"), Range(0, int.MaxValue), DefaultValue(0), Description("Workflows to skip.")]
    public int Offset { get; init; }

    [FromQuery(Name = "paused"), Description("Only paused (true) or only active (false) workflows; both when absent.")]
    public bool? Paused { get; init; }

    [FromQuery(Name = "tags"), MaxLength(250), Length(0, 50), Description("Only workflows with any of these Airflow tags (repeat the parameter).")]
    public IReadOnlyList<string> Tags { get; init; } = [];

    [FromQuery(Name = "dag_id_pattern"), MaxLength(250), Description("SQL LIKE pattern on the dag_id (% any run of characters, _ one character).")]
    public string? DagIdPattern { get; init; }

    public IReadOnlyList<ParameterError> Errors { get; init; } = [];

    public static ValueTask<ListWorkflowsQuery?> BindAsync(HttpContext context) => RequestBinder.BindAsync<ListWorkflowsQuery>(context);
}
