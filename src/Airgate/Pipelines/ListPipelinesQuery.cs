using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using Airgate.Requests;
using Microsoft.AspNetCore.Mvc;

namespace Airgate.Pipelines;

/// <summary>The query of <c>GET /pipelines</c>.</summary>
internal sealed record ListPipelinesQuery : IBoundRequest
{
    [FromQuery(Name = "limit"), Range(1, 1000), DefaultValue(100), Description("Profiles per page.")]
    public int Limit { get; init; } = 100;

    [FromQuery(Name = "offset"), Range(0, int.MaxValue), DefaultValue(0), Description("Profiles to skip.")]
    public int Offset { get; init; }

    [FromQuery(Name = "runnable"), Description("Only runnable (true) or only base (false) profiles; both when absent.")]
    public bool? Runnable { get; init; }

    public IReadOnlyList<ParameterError> Errors { get; init; } = [];

    public static ValueTask<ListPipelinesQuery?> BindAsync(HttpContext context) => RequestBinder.BindAsync<ListPipelinesQuery>(context);
}
