using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using Airgate.Requests;
using Microsoft.AspNetCore.Mvc;

namespace Airgate.Runs;

/// <summary>The query and headers of a trigger: <c>dry_run</c> and <c>Idempotency-Key</c>.</summary>
internal sealed record TriggerRunQuery : IBoundRequest
{
    [FromQuery(Name = "dry_run"), DefaultValue(false), Description("Validate only and answer 200 with the exact conf that would be sent; nothing is triggered or recorded.")]
    public bool DryRun { get; init; }

    [FromHeader(Name = IdempotencyKeys.HeaderName), MaxLength(IdempotencyKeys.MaxLength),
     Description("A retry with the same key and body returns the same run (200, Idempotent-Replayed: true) and triggers nothing; the same key with another body is 422. Keys are per user.")]
    public string? IdempotencyKey { get; init; }

    public IReadOnlyList<ParameterError> Errors { get; init; } = [];

    public static ValueTask<TriggerRunQuery?> BindAsync(HttpContext context) => RequestBinder.BindAsync<TriggerRunQuery>(context);
}
