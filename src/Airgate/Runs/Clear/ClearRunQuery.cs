using System.ComponentModel;
using Airgate.Requests;
using Microsoft.AspNetCore.Mvc;

namespace Airgate.Runs.Clear;

/// <summary>The query of a clear: <c>dry_run</c>.</summary>
internal sealed record ClearRunQuery : IBoundRequest
{
    [FromQuery(Name = "dry_run"), DefaultValue(false), Description("Only answer which task instances would run again; nothing is cleared.")]
    public bool DryRun { get; init; }

    public IReadOnlyList<ParameterError> Errors { get; init; } = [];

    public static ValueTask<ClearRunQuery?> BindAsync(HttpContext context) => RequestBinder.BindAsync<ClearRunQuery>(context);
}
