using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using Airgate.Requests;
using Microsoft.AspNetCore.Mvc;

namespace Airgate.Runs;

/// <summary>The query of a stop: which body fields to apply.</summary>
internal sealed record StopRunQuery : IBoundRequest
{
    [FromQuery(Name = "update_mask"), MaxLength(20), Length(0, 2), AllowedValues("state", "note"),
     Description("The body fields to apply (repeat the parameter); all sent fields when absent.")]
    public IReadOnlyList<string> UpdateMask { get; init; } = [];

    public IReadOnlyList<ParameterError> Errors { get; init; } = [];

    public static ValueTask<StopRunQuery?> BindAsync(HttpContext context) => RequestBinder.BindAsync<StopRunQuery>(context);
}
